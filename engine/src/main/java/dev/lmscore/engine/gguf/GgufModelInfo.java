package dev.lmscore.engine.gguf;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The usual model facts read from a {@link GgufFile}'s metadata and tensor infos: architecture,
 * size hyper-parameters (looked up under the architecture's prefix, e.g.
 * {@code llama.context_length}), vocabulary and quantization. A missing key gives an empty
 * optional; a key of the wrong type a {@link GgufFormatException}.
 */
public final class GgufModelInfo {
    private final GgufFile file;
    private final GgufMetadata metadata;

    GgufModelInfo(GgufFile file) {
        this.file = file;
        this.metadata = file.metadata();
    }

    /** {@code general.architecture}, e.g. {@code llama}; llama.cpp refuses a model without it. */
    public Optional<String> architecture() {
        return metadata.string("general.architecture");
    }

    /** {@code general.name}. */
    public Optional<String> name() {
        return metadata.string("general.name");
    }

    /** Training context length in tokens. */
    public OptionalLong contextLength() {
        return architectureInteger("context_length");
    }

    /** Number of transformer blocks (layers). */
    public OptionalLong blockCount() {
        return architectureInteger("block_count");
    }

    /** Width of the residual stream. */
    public OptionalLong embeddingLength() {
        return architectureInteger("embedding_length");
    }

    /** Hidden size of the feed-forward layers; the largest one where it varies by layer. */
    public OptionalLong feedForwardLength() {
        return architectureInteger("feed_forward_length");
    }

    /** Attention (query) heads; the largest count where it varies by layer. */
    public OptionalLong headCount() {
        return architectureInteger("attention.head_count");
    }

    /** Key/value heads (fewer than {@link #headCount()} with grouped-query attention); as llama.cpp, the head count when absent. */
    public OptionalLong headCountKv() {
        OptionalLong kv = architectureInteger("attention.head_count_kv");
        return kv.isPresent() ? kv : headCount();
    }

    /**
     * Number of tokens in the vocabulary: {@code ARCH.vocab_size} if given, else the length of
     * {@code tokenizer.ggml.tokens}, as llama.cpp decides it.
     */
    public OptionalLong vocabularySize() {
        OptionalLong declared = architectureInteger("vocab_size");
        if (declared.isPresent()) {
            return declared;
        }
        return metadata.array("tokenizer.ggml.tokens").map(a -> OptionalLong.of(a.length())).orElse(OptionalLong.empty());
    }

    /** The tokenizer type, {@code tokenizer.ggml.model}: {@code llama} (SentencePiece), {@code gpt2} (BPE), ... */
    public Optional<String> tokenizerModel() {
        return metadata.string("tokenizer.ggml.model");
    }

    /** {@code general.file_type}, when present and known. */
    public Optional<GgufFileType> fileType() {
        OptionalLong id = metadata.integer("general.file_type");
        return id.isPresent() ? GgufFileType.fromId(id.getAsLong()) : Optional.empty();
    }

    /**
     * The quantization users would name the file by: the label of {@code general.file_type}
     * (F16, Q8_0, Q4_K_M) or, when the file does not say, the type holding most of the bytes of
     * the matrices (tensors with two or more dimensions).
     */
    public String quantization() {
        Optional<GgufFileType> declared = fileType();
        if (declared.isPresent() && declared.get() != GgufFileType.GUESSED) {
            return declared.get().label();
        }
        Map<GgmlType, Long> bytes = new EnumMap<>(GgmlType.class);
        for (GgufTensorInfo t : file.tensors()) {
            if (t.rank() >= 2) {
                bytes.merge(t.type(), t.byteSize(), Long::sum);
            }
        }
        return bytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().name()).orElse("unknown");
    }

    /** Total number of weights. */
    public long parameterCount() {
        return file.parameterCount();
    }

    /** Tensors per ggml type. */
    public Map<GgmlType, Integer> tensorTypeHistogram() {
        return file.tensorTypeHistogram();
    }

    /** An integer under the architecture's prefix; for a per-layer array, its largest element. */
    private OptionalLong architectureInteger(String suffix) {
        Optional<String> arch = architecture();
        if (arch.isEmpty()) {
            return OptionalLong.empty();
        }
        String key = arch.get() + "." + suffix;
        Optional<GgufValue> value = metadata.get(key);
        if (value.isPresent() && value.get().type() == GgufValueType.ARRAY) {
            GgufArray a = value.get().asArray();
            if (!a.elementType().isInteger()) {
                throw new GgufFormatException(metadata.source(), "key '" + key + "' holds an array of " + a.elementType() + ", expected integers");
            }
            long max = Long.MIN_VALUE;
            for (int i = 0; i < a.length(); i++) {
                max = Math.max(max, a.getLong(i));
            }
            return a.length() == 0 ? OptionalLong.empty() : OptionalLong.of(max);
        }
        return metadata.integer(key);
    }
}
