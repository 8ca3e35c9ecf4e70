package dev.lmscore.bench.synth;

import java.util.Objects;

/**
 * Everything that determines a synthetic model's bytes: shape, weight format, vocabulary and seed.
 * The same spec always gives the same file.
 */
public record SyntheticModelSpec(ModelShape shape, WeightFormat format, Vocabulary vocabulary, long seed) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    public SyntheticModelSpec {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** E.g. {@code synthetic-135m-gpt-2-q8_0.gguf}; a seed other than the default is added: {@code ...-q8_0-seed7.gguf}. */
    public String fileName() {
        String seedPart = seed == DEFAULT_SEED ? "" : "-seed" + Long.toUnsignedString(seed);
        return "synthetic-" + shape.id() + "-" + vocabulary.name() + "-" + format.id() + seedPart + ".gguf";
    }

    /** The value of {@code general.name}: {@code synthetic-135m}. */
    public String modelName() {
        return "synthetic-" + shape.id();
    }

    /** Number of weights the model will have. */
    public long parameterCount() {
        return shape.parameterCount(vocabulary.size());
    }
}
