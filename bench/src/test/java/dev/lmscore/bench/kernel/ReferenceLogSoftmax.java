package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.MemorySegment;

/** Log-softmax in double precision throughout, compensated (Kahan) sum: the yardstick for the kernels. */
final class ReferenceLogSoftmax {
    private ReferenceLogSoftmax() {}

    static double logProb(MemorySegment logits, long offset, int vocab, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            max = Math.max(max, logits.get(JAVA_FLOAT, offset + (long) v * Float.BYTES));
        }
        double sum = 0;
        double compensation = 0;
        for (int v = 0; v < vocab; v++) {
            double term = Math.exp(logits.get(JAVA_FLOAT, offset + (long) v * Float.BYTES) - max) - compensation;
            double next = sum + term;
            compensation = (next - sum) - term;
            sum = next;
        }
        return logits.get(JAVA_FLOAT, offset + (long) target * Float.BYTES) - max - Math.log(sum);
    }
}
