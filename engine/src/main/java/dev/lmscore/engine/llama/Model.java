package dev.lmscore.engine.llama;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.llama.Llama;
import dev.lmscore.llama.llama_model_params;
import dev.lmscore.engine.gguf.GgufFormatException;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufReader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GGUF model loaded by llama.cpp. Owns the native {@code llama_model}; contexts created from it
 * must be closed before it. Safe to share between threads (each thread uses its own context).
 */
public final class Model implements AutoCloseable {
    private final Path path;
    private final MemorySegment handle;
    private final Vocabulary vocabulary;
    private final Map<String, String> metadata;
    private boolean closed;

    private Model(Path path, MemorySegment handle) {
        this.path = path;
        this.handle = handle;
        this.vocabulary = new Vocabulary(this, Llama.llama_model_get_vocab(handle));
        this.metadata = readMetadata(handle);
    }

    /**
     * Loads a model, checking first what llama.cpp would otherwise report only in its log (or abort
     * on): the file exists and is a well-formed GGUF file of a version llama.cpp reads.
     */
    public static Model load(Path path, ModelOptions options) {
        return load(checkModelFile(path), options);
    }

    /** Loads a model whose file {@link #checkModelFile} has already read. */
    public static Model load(GgufFile checked, ModelOptions options) {
        Path path = checked.path();
        LlamaRuntime.init();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = Llama.llama_model_default_params(arena);
            llama_model_params.n_gpu_layers(params, options.gpuLayers() < 0 ? Integer.MAX_VALUE : options.gpuLayers());
            llama_model_params.vocab_only(params, options.vocabOnly());
            MemorySegment handle = Llama.llama_model_load_from_file(arena.allocateFrom(path.toString()), params);
            if (handle.equals(MemorySegment.NULL)) {
                String reason = LlamaRuntime.log().takeFirstError();
                throw new LmscoreException(ExitCode.MODEL_LOAD, "cannot load model " + path + ": "
                        + (reason == null ? "llama.cpp refused it" : "llama.cpp says: " + reason));
            }
            return new Model(path, handle);
        }
    }

    /**
     * Reads the GGUF header, metadata and tensor table (not the weights) so that a file llama.cpp
     * would refuse gets a message naming what is wrong, e.g. the tensor whose rows do not fit its type.
     */
    public static GgufFile checkModelFile(Path path) {
        if (!Files.exists(path)) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "model file not found: " + path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "model file is not a readable file: " + path);
        }
        try {
            return GgufReader.read(path);
        } catch (GgufFormatException e) {
            throw new LmscoreException(ExitCode.MODEL_LOAD, e.getMessage(), e);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readMetadata(MemorySegment model) {
        Map<String, String> result = new LinkedHashMap<>();
        int count = Llama.llama_model_meta_count(model);
        try (Arena arena = Arena.ofConfined()) {
            int capacity = 4096;
            MemorySegment buffer = arena.allocate(capacity);
            for (int i = 0; i < count; i++) {
                int keyLen = Llama.llama_model_meta_key_by_index(model, i, buffer, capacity);
                if (keyLen < 0) {
                    continue;
                }
                String key = buffer.getString(0);
                int valueLen = Llama.llama_model_meta_val_str_by_index(model, i, buffer, capacity);
                result.put(key, valueLen < 0 ? "" : buffer.getString(0));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    MemorySegment handle() {
        ensureOpen();
        return handle;
    }

    public Path path() {
        return path;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** GGUF metadata as llama.cpp renders it (arrays are summarised by llama.cpp). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** llama.cpp's one-line description, e.g. "llama ?B all F32". */
    public String description() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256);
            Llama.llama_model_desc(handle(), buffer, 256);
            return buffer.getString(0);
        }
    }

    public int trainingContext() {
        return Llama.llama_model_n_ctx_train(handle());
    }

    /**
     * Refuses windows longer than the model's training context, as bad input: llama.cpp would
     * decode them, but positions past it score the model outside what it was trained for.
     */
    public void requireWithinTrainingContext(int contextSize) {
        int trained = trainingContext();
        if (trained > 0 && contextSize > trained) {
            throw LmscoreException.usage("context size " + contextSize + " is larger than the model's training context "
                    + trained + " (" + path().getFileName() + ")");
        }
    }

    public int layers() {
        return Llama.llama_model_n_layer(handle());
    }

    public int embeddingSize() {
        return Llama.llama_model_n_embd(handle());
    }

    public long parameterCount() {
        return Llama.llama_model_n_params(handle());
    }

    public long sizeBytes() {
        return Llama.llama_model_size(handle());
    }

    /** Encoder-decoder and recurrent models are scored differently; lmscore handles decoder-only ones. */
    public boolean isDecoderOnly() {
        return Llama.llama_model_has_decoder(handle()) && !Llama.llama_model_has_encoder(handle());
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("model " + path + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Llama.llama_model_free(handle);
        }
    }
}
