package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgufTensorSource;
import dev.lmscore.engine.gguf.GgufWriter;
import dev.lmscore.engine.gguf.TensorValues;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a synthetic llama model: random weights with a standard deviation of 0.02 (GPT-2's
 * initialisation; small enough that activations stay finite, large enough that logits differ
 * from token to token), norm weights of 1. Data is generated tensor by tensor while the file is
 * written, so memory use does not grow with the model.
 */
public final class SyntheticModelGenerator {
    /** Standard deviation of every matrix's weights. */
    static final double WEIGHT_STD = 0.02;

    private SyntheticModelGenerator() {}

    /**
     * Writes the model of {@code spec} to {@code target} (atomically: the file appears only when
     * complete).
     *
     * @param progress told after each tensor; may be a no-op
     * @return the file size in bytes
     */
    public static long write(SyntheticModelSpec spec, Path target, GgufWriter.Listener progress) throws IOException {
        GgufWriter writer = new GgufWriter().putAll(LlamaMetadata.of(spec)).listener(progress);
        for (SyntheticTensor t : LlamaTensors.plan(spec.shape(), spec.vocabulary().size(), spec.format())) {
            TensorValues values = t.norm() ? new ConstantWeights(1f) : new RandomWeights(spec.seed(), t.name(), WEIGHT_STD);
            writer.addTensor(t.name(), t.type(), t.shape(), GgufTensorSource.ofFloats(values));
        }
        return writer.write(target);
    }
}
