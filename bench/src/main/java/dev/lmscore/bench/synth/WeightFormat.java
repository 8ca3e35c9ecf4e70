package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgmlType;
import dev.lmscore.engine.gguf.GgufFileType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a synthetic model stores its matrices (embeddings and output included). Norm weights are
 * always F32, as llama.cpp's converter writes them.
 */
public enum WeightFormat {
    F32(GgmlType.F32, GgufFileType.ALL_F32),
    F16(GgmlType.F16, GgufFileType.MOSTLY_F16),
    Q8_0(GgmlType.Q8_0, GgufFileType.MOSTLY_Q8_0);

    private final GgmlType matrixType;
    private final GgufFileType fileType;

    WeightFormat(GgmlType matrixType, GgufFileType fileType) {
        this.matrixType = matrixType;
        this.fileType = fileType;
    }

    /** The ggml type of every matrix. */
    public GgmlType matrixType() {
        return matrixType;
    }

    /** The value of {@code general.file_type}. */
    public GgufFileType fileType() {
        return fileType;
    }

    /** The lower-case name used on the command line and in file names: f32, f16, q8_0. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known formats
     */
    public static WeightFormat fromId(String id) {
        for (WeightFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown type '" + id + "'; known: "
                + Arrays.stream(values()).map(WeightFormat::id).collect(Collectors.joining(", ")));
    }
}
