package dev.lmscore.engine.gguf;

import java.io.IOException;

/**
 * The values of one tensor as floats, produced in chunks in ggml order (row by row, each row
 * {@code shape[0]} values), so that a tensor of billions of values never has to be in memory.
 */
@FunctionalInterface
public interface TensorValues {
    /**
     * Puts the next {@code count} values of the tensor into {@code chunk[0..count)}.
     *
     * @param tensor the tensor being written
     * @param chunk  a reusable buffer at least {@code count} long
     * @param count  how many values are wanted; the calls together ask for every value once
     */
    void next(GgufTensorInfo tensor, float[] chunk, int count) throws IOException;
}
