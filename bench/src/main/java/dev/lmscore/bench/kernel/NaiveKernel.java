package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.MemorySegment;

/**
 * The baseline the tuned kernel is measured against: what a first version would do. The row is
 * copied into a fresh heap {@code float[]}, then two scalar passes (max, then the sum of
 * {@code Math.exp} in double).
 */
public final class NaiveKernel {
    private NaiveKernel() {}

    public static double logProb(MemorySegment logits, long offset, int vocab, int target) {
        float[] row = logits.asSlice(offset, (long) vocab * Float.BYTES).toArray(JAVA_FLOAT);
        double max = Double.NEGATIVE_INFINITY;
        for (float x : row) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (float x : row) {
            sum += Math.exp(x - max);
        }
        return row[target] - max - Math.log(sum);
    }
}
