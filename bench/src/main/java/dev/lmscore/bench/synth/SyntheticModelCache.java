package dev.lmscore.bench.synth;

import dev.lmscore.bindings.LlamaLibrary;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufFormatException;
import dev.lmscore.engine.gguf.GgufMetadata;
import dev.lmscore.engine.gguf.GgufReader;
import dev.lmscore.engine.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Synthetic models kept in a directory (by default {@code <lmscore cache>/models}) under the name
 * {@link SyntheticModelSpec#fileName()}: a model is generated once and reused while the file
 * there is whole and was made from the same spec.
 */
public final class SyntheticModelCache {
    private final Path directory;

    public SyntheticModelCache(Path directory) {
        this.directory = directory;
    }

    /** {@code ${LMSCORE_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/lmscore}/models}. */
    public static Path defaultDirectory() {
        return LlamaLibrary.cacheRoot().resolve("models");
    }

    public Path directory() {
        return directory;
    }

    /** Where the model of {@code spec} lives in this cache. */
    public Path pathOf(SyntheticModelSpec spec) {
        return directory.resolve(spec.fileName());
    }

    /** The model of {@code spec}, generated into {@code target} unless a matching file is already there. */
    public static Obtained obtain(SyntheticModelSpec spec, Path target, GgufWriter.Listener progress) throws IOException {
        if (matches(spec, target)) {
            return new Obtained(target, false, Files.size(target));
        }
        long size = SyntheticModelGenerator.write(spec, target, progress);
        return new Obtained(target, true, size);
    }

    /** The model of {@code spec} in this cache, generated on first use. */
    public Obtained obtain(SyntheticModelSpec spec, GgufWriter.Listener progress) throws IOException {
        return obtain(spec, pathOf(spec), progress);
    }

    /**
     * Whether {@code file} is a readable GGUF file made from {@code spec}. Files are only ever
     * renamed into place when complete, so this guards against a changed spec or a damaged file,
     * not against a half-written one.
     */
    static boolean matches(SyntheticModelSpec spec, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            GgufFile gguf = GgufReader.read(file);
            GgufMetadata m = gguf.metadata();
            return m.string(LlamaMetadata.SHAPE_KEY).orElse("").equals(spec.shape().id())
                    && m.integer(LlamaMetadata.SEED_KEY).orElse(spec.seed() + 1) == spec.seed()
                    && m.string(LlamaMetadata.VOCABULARY_KEY).orElse("").equals(spec.vocabulary().name())
                    && m.integer("general.file_type").orElse(-1) == spec.format().fileType().id()
                    && gguf.parameterCount() == spec.parameterCount();
        } catch (GgufFormatException e) {
            return false;
        }
    }

    /**
     * @param path      the model file
     * @param generated whether it was generated now (false: an existing file was reused)
     * @param size      its size in bytes
     */
    public record Obtained(Path path, boolean generated, long size) {}
}
