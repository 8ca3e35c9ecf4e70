package dev.lmscore.engine.kernel;

import static dev.lmscore.engine.kernel.Exp2.LOG2E;
import static dev.lmscore.engine.kernel.Exp2.MIN_EXPONENT;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Log-softmax of short rows (vocabularies of at most {@link #MAX_VOCAB} tokens) in scalar Java, for
 * toy models such as stories260K (512 tokens). On rows that short the {@link LogSoftmax} kernel
 * saves about a microsecond a row, but it runs at full speed only once C2 has compiled it: its
 * warm-up and C2's work on the Vector API cost 1.5-2 CPU-seconds a run, more than a 2,000-chunk
 * stories260K run spends in this kernel (~0.15 s). This code's own warm-up ({@link KernelWarmup})
 * gets C2's code in milliseconds.
 *
 * <p>The same two passes and the same exponential ({@link Exp2}) as {@link LogSoftmax}, one logit
 * at a time, summed in double; terms below 2^-125 of the max are left out rather than clamped.
 * Every operation has a fixed order, so a row gives the same bits interpreted or compiled, on any
 * thread.
 */
final class ScalarLogSoftmax {
    /** Rows up to this many logits take this kernel (speeds of both kernels by row length: bench/RESULTS.md). */
    static final int MAX_VOCAB = 4096;

    private ScalarLogSoftmax() {}

    /** The row's largest and smallest logit, packed as {@link LogSoftmax#extremes} packs them; NaNs are skipped. */
    static long extremes(MemorySegment logits, long offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float x = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES);
            max = x > max ? x : max;
            min = x < min ? x : min;
        }
        return Extremes.pack(max, min);
    }

    /** Sum of exp(logit - max) over the row, given its {@link #extremes}; NaN if a logit is NaN or the max infinite. */
    static double sumExp(MemorySegment logits, long offset, int n, long extremes) {
        float max = Extremes.max(extremes);
        // as in LogSoftmax: y = logit * log2(e) + shift, the shift rounded to float and corrected at the end
        float shift = Exp2.shift(max);
        // two sums, even and odd logits: one would chain every add on the previous one
        double even = 0;
        double odd = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long at = offset + (long) i * Float.BYTES;
            even += term(logits.get(JAVA_FLOAT_UNALIGNED, at), shift);
            odd += term(logits.get(JAVA_FLOAT_UNALIGNED, at + Float.BYTES), shift);
        }
        if (i < n) {
            even += term(logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES), shift);
        }
        return (even + odd) * Exp2.shiftCorrection(max, shift);
    }

    /** 2^(logit · log2(e) + shift); 0 below 2^-125, NaN for NaN. */
    private static float term(float logit, float shift) {
        float y = Math.fma(logit, LOG2E, shift);
        if (y >= MIN_EXPONENT) {
            return Exp2.exp2(y);
        }
        return y < MIN_EXPONENT ? 0f : y; // only NaN is neither
    }
}
