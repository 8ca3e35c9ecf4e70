package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgufTensorInfo;
import dev.lmscore.engine.gguf.TensorValues;
import java.util.Arrays;

/** Every value the same: norm weights of 1, so that RMS norms pass activations through unscaled. */
record ConstantWeights(float value) implements TensorValues {
    @Override
    public void next(GgufTensorInfo tensor, float[] chunk, int count) {
        Arrays.fill(chunk, 0, count, value);
    }
}
