package dev.lmscore.engine.kernel;

import static dev.lmscore.engine.kernel.Exp2.LOG2E;
import static dev.lmscore.engine.kernel.Exp2.MIN_EXPONENT;
import static dev.lmscore.engine.kernel.Exp2.ROUND_MAGIC;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Log-softmax of one row of logits read in place from off-heap memory (llama.cpp's logits buffer),
 * vectorised with the Vector API.
 *
 * <p>Two passes over the row. The first finds the row's largest and smallest logit; it streams the
 * row from memory and is bound by bandwidth, so tracking the minimum beside the maximum is free. The
 * second sums exp(logit - max) from cache. Scoring a row against one target takes
 * {@link OnePassLogSoftmax}, which does both in one loop, 1.2–2.2× as fast on streamed rows;
 * these passes serve where a row's max and normaliser are wanted on their own (a row scored against
 * several targets, KL divergence) and as that kernel's fallback.
 *
 * <p>The exponential is computed as 2^y with y = (logit - max) · log2(e), lane-wise as {@link Exp2}
 * describes: y = n + f with n an integer and |f| <= 1/2, 2^f by a degree-5 minimax polynomial
 * (relative error below 2e-7), 2^n added into the result's exponent bits. That last step needs y >= -125; the minimum found by the
 * first pass tells whether any logit of the row is that far below the max, and only such rows pay
 * for clamping. Both the extremes and the clamp use compare-and-blend rather than
 * {@code FloatVector.max}, whose Java semantics (NaN, -0.0) cost several instructions a vector.
 * A NaN logit still reaches the sum and makes the row's result NaN.
 *
 * <p>log2(e) rounded to float is 1.3e-8 relative short, so each term's exponent is that fraction of
 * itself too close to zero: the log-sum-exp comes out high by at most 1.3e-8 × the distribution's
 * entropy in nats (under 1.7e-7 for any vocabulary up to 250,000 tokens). Correcting it in the
 * polynomial's argument costs a multiply-add a vector, ~15% of the kernel's speed on a Zen 5, for
 * an error far below what a perplexity can show. The shift max · log2(e) is rounded to float too; that error is
 * the same for every term and is taken out of the sum exactly.
 *
 * <p>Sums are kept in float lanes for one block and then added in double, so the log-sum-exp stays
 * within 1e-6 relative of a double-precision reference for any vocabulary size. Every operation has
 * a fixed order, so a row gives the same bits whether the code runs interpreted or compiled, on any
 * thread.
 */
public final class LogSoftmax {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Elements summed in float lanes before the partial sum is folded into a double. */
    static final int BLOCK = 1024;

    private static final FloatVector LOWEST = FloatVector.broadcast(SPECIES, MIN_EXPONENT);
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    private static final FloatVector C1 = FloatVector.broadcast(SPECIES, Exp2.C1);
    private static final FloatVector C2 = FloatVector.broadcast(SPECIES, Exp2.C2);
    private static final FloatVector C3 = FloatVector.broadcast(SPECIES, Exp2.C3);
    private static final FloatVector C4 = FloatVector.broadcast(SPECIES, Exp2.C4);
    private static final FloatVector C5 = FloatVector.broadcast(SPECIES, Exp2.C5);

    private LogSoftmax() {}

    /**
     * The largest and the smallest logit of the row at byte offset {@code offset} with {@code n}
     * floats, packed into one long (read them with {@link #maxOf} and {@link #minOf}): two floats
     * without an object per row on the scoring path.
     */
    public static long extremes(MemorySegment logits, long offset, int n) {
        int bound = SPECIES.loopBound(n);
        long vectors = extremesRange(logits, offset, 0, bound);
        float max = maxOf(vectors);
        float min = minOf(vectors);
        for (int i = bound; i < n; i++) {
            float x = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES);
            max = x > max ? x : max;
            min = x < min ? x : min;
        }
        return Extremes.pack(max, min);
    }

    /** {@link #extremes} of logits [from, to), both multiples of the vector length. */
    static long extremesRange(MemorySegment logits, long offset, int from, int to) {
        // Four independent accumulators each: one would serialise on the blend's latency.
        FloatVector max0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY), max1 = max0, max2 = max0, max3 = max0;
        FloatVector min0 = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY), min1 = min0, min2 = min0, min3 = min0;
        int i = from;
        int bound4 = to - 4 * LANES;
        for (; i <= bound4; i += 4 * LANES) {
            long at = offset + (long) i * Float.BYTES;
            FloatVector v0 = load(logits, at);
            FloatVector v1 = load(logits, at + (long) LANES * Float.BYTES);
            FloatVector v2 = load(logits, at + 2L * LANES * Float.BYTES);
            FloatVector v3 = load(logits, at + 3L * LANES * Float.BYTES);
            max0 = max0.blend(v0, max0.lt(v0));
            max1 = max1.blend(v1, max1.lt(v1));
            max2 = max2.blend(v2, max2.lt(v2));
            max3 = max3.blend(v3, max3.lt(v3));
            min0 = min0.blend(v0, v0.lt(min0));
            min1 = min1.blend(v1, v1.lt(min1));
            min2 = min2.blend(v2, v2.lt(min2));
            min3 = min3.blend(v3, v3.lt(min3));
        }
        for (; i < to; i += LANES) {
            FloatVector v = load(logits, offset + (long) i * Float.BYTES);
            max0 = max0.blend(v, max0.lt(v));
            min0 = min0.blend(v, v.lt(min0));
        }
        float max = max0.max(max1).max(max2.max(max3)).reduceLanes(VectorOperators.MAX);
        float min = min0.min(min1).min(min2.min(min3)).reduceLanes(VectorOperators.MIN);
        return Extremes.pack(max, min);
    }

    /** The largest logit from {@link #extremes}. */
    public static float maxOf(long extremes) {
        return Extremes.max(extremes);
    }

    /** The smallest logit from {@link #extremes}. */
    public static float minOf(long extremes) {
        return Extremes.min(extremes);
    }

    /** Largest logit of the row at byte offset {@code offset} with {@code n} floats. */
    public static float max(MemorySegment logits, long offset, int n) {
        return maxOf(extremes(logits, offset, n));
    }

    /** Sum of exp(logit - max) over the row, given the row's {@link #extremes} (the min picks the fast path). */
    public static double sumExp(MemorySegment logits, long offset, int n, long extremes) {
        float max = maxOf(extremes);
        float min = minOf(extremes);
        // y = logit * log2(e) + shift, shift rounded to float; the sum is corrected for that rounding at the end
        float shift = Exp2.shift(max);
        boolean clamp = !((min - max) * LOG2E > MIN_EXPONENT + 1); // also true for NaN and infinities
        double total = 0;
        int bound = SPECIES.loopBound(n);
        for (int from = 0; from < bound; from += BLOCK) {
            int to = Math.min(bound, from + BLOCK);
            total += clamp ? laneSum(blockClamped(logits, offset, from, to, shift)) : blockSum(logits, offset, from, to, shift);
        }
        if (bound > 0) {
            total *= Exp2.shiftCorrection(max, shift);
        }
        for (int i = bound; i < n; i++) {
            total += Math.exp(logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES) - max);
        }
        return total;
    }

    /** Sum of exp over logits [from, to) of the row, every exponent at least -125 octaves. */
    private static double blockSum(MemorySegment logits, long offset, int from, int to, float shift) {
        FloatVector log2e = FloatVector.broadcast(SPECIES, LOG2E);
        FloatVector vshift = FloatVector.broadcast(SPECIES, shift);
        // two accumulators: one would chain every vector's add on the previous (+10% from cache, measured)
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = acc0;
        int i = from;
        for (; i + LANES < to; i += 2 * LANES) {
            long at = offset + (long) i * Float.BYTES;
            acc0 = acc0.add(exp2(load(logits, at).fma(log2e, vshift)));
            acc1 = acc1.add(exp2(load(logits, at + (long) LANES * Float.BYTES).fma(log2e, vshift)));
        }
        if (i < to) {
            acc0 = acc0.add(exp2(load(logits, offset + (long) i * Float.BYTES).fma(log2e, vshift)));
        }
        return laneSum(acc0.add(acc1));
    }

    /**
     * As {@link #blockSum} with exponents below -125 octaves clamped there (their terms are ~1e-38,
     * not garbage), summed lane-wise: lane j holds the terms of the logits at j modulo the vector length.
     */
    static FloatVector blockClamped(MemorySegment logits, long offset, int from, int to, float shift) {
        FloatVector log2e = FloatVector.broadcast(SPECIES, LOG2E);
        FloatVector vshift = FloatVector.broadcast(SPECIES, shift);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = from; i < to; i += LANES) {
            FloatVector y = load(logits, offset + (long) i * Float.BYTES).fma(log2e, vshift);
            acc = acc.add(exp2(y.blend(LOWEST, y.lt(LOWEST))));
        }
        return acc;
    }

    /**
     * Sum of the lanes in lane order, in double. {@code reduceLanes(ADD)} may add in a different
     * order when JIT-compiled than when interpreted, which would make results depend on how warm
     * the JVM is; this runs once per block, so a fixed order costs nothing measurable.
     */
    static double laneSum(FloatVector v) {
        double sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    /** log(sum(exp(logits))) computed stably: max + log(sum(exp(logits - max))). */
    public static double logSumExp(MemorySegment logits, long offset, int n) {
        long extremes = extremes(logits, offset, n);
        return maxOf(extremes) + Math.log(sumExp(logits, offset, n, extremes));
    }

    /** Log-probability of {@code target} under the softmax of the row. */
    public static double logProb(MemorySegment logits, long offset, int n, int target) {
        long extremes = extremes(logits, offset, n);
        float max = maxOf(extremes);
        double sum = sumExp(logits, offset, n, extremes);
        float logit = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) target * Float.BYTES);
        return (double) logit - max - Math.log(sum);
    }

    static FloatVector load(MemorySegment logits, long at) {
        return FloatVector.fromMemorySegment(SPECIES, logits, at, ORDER);
    }

    /**
     * 2^y lane-wise, for -125 <= y <= 8 as the kernels use it (NaN stays NaN): y = n + f, 2^f by the polynomial, n added
     * to the exponent bits.
     */
    static FloatVector exp2(FloatVector y) {
        FloatVector t = y.add(ROUND_MAGIC); // n in the low mantissa bits
        FloatVector f = y.sub(t.sub(ROUND_MAGIC));
        FloatVector p = C5.fma(f, C4).fma(f, C3).fma(f, C2).fma(f, C1).fma(f, ONE);
        // t's bits are 0x4B400000 + n; shifted left by 23 the constant part leaves the word, n << 23 stays
        IntVector exponent = ((IntVector) t.reinterpretAsInts()).lanewise(VectorOperators.LSHL, 23);
        return (FloatVector) ((IntVector) p.reinterpretAsInts()).add(exponent).reinterpretAsFloats();
    }
}
