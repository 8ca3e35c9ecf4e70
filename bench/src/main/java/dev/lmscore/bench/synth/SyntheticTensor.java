package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgmlType;

/**
 * One tensor of a synthetic model: its llama.cpp name, shape (ggml order, row length first),
 * storage type, and whether it is a norm weight (filled with ones) rather than a random matrix.
 */
record SyntheticTensor(String name, long[] shape, GgmlType type, boolean norm) {
    SyntheticTensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
