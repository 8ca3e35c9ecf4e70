package dev.lmscore.engine.kernel;

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
 * <p>Two passes over the row: a max pass and a sum-of-exponentials pass. A one-pass (online)
 * formulation would rescale the running sum whenever the max grows, costing a second exponential
 * per element; the row (128 KB for a 32k vocabulary) stays in L2 between the passes, so the second
 * read is cheap and two passes are faster (measured in bench/RESULTS.md).
 *
 * <p>The exponential is a Cephes-style polynomial on the Vector API's basic lane operations rather
 * than {@code VectorOperators.EXP}, whose speed depends on whether the JDK has an SVML stub for the
 * CPU. Its error (about 2 ulp) is far below what perplexity reports; sums are kept in float lanes
 * for one block and then added in double, so the log-sum-exp stays within 1e-6 relative of a
 * double-precision reference for any vocabulary size. Every operation has a fixed order, so a row
 * gives the same bits whether the code runs interpreted or compiled, on any thread.
 */
public final class LogSoftmax {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Elements summed in float lanes before the partial sum is folded into a double. */
    private static final int BLOCK = 1024;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds to the nearest integer and leaves that integer in the low mantissa bits. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final int ROUND_MAGIC_BITS = 0x4B400000;
    /** Below this exp underflows to a denormal; such terms cannot change a sum that contains exp(0) = 1. */
    private static final float MIN_ARG = -87.0f;

    private LogSoftmax() {}

    /** Largest logit of the row at byte offset {@code offset} with {@code n} floats. */
    public static float max(MemorySegment logits, long offset, int n) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int i = 0;
        int bound = SPECIES.loopBound(n);
        for (; i < bound; i += LANES) {
            acc = acc.max(FloatVector.fromMemorySegment(SPECIES, logits, offset + (long) i * Float.BYTES, ORDER));
        }
        float max = acc.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES));
        }
        return max;
    }

    /** Smallest logit of the row (llama.cpp's 16-bit log-prob records span [max(min, max - 16), max]). */
    public static float min(MemorySegment logits, long offset, int n) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        int i = 0;
        int bound = SPECIES.loopBound(n);
        for (; i < bound; i += LANES) {
            acc = acc.min(FloatVector.fromMemorySegment(SPECIES, logits, offset + (long) i * Float.BYTES, ORDER));
        }
        float min = acc.reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            min = Math.min(min, logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES));
        }
        return min;
    }

    /** Sum of exp(logit - max) over the row. */
    public static double sumExp(MemorySegment logits, long offset, int n, float max) {
        FloatVector vmax = FloatVector.broadcast(SPECIES, max);
        double total = 0;
        int bound = SPECIES.loopBound(n);
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (; i < blockEnd; i += LANES) {
                FloatVector x = FloatVector.fromMemorySegment(SPECIES, logits, offset + (long) i * Float.BYTES, ORDER);
                acc = acc.add(exp(x.sub(vmax)));
            }
            total += laneSum(acc);
        }
        for (; i < n; i++) {
            total += Math.exp(logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES) - max);
        }
        return total;
    }

    /**
     * Sum of the lanes in lane order, in double. {@code reduceLanes(ADD)} may add in a different
     * order when JIT-compiled than when interpreted, which would make results depend on how warm
     * the JVM is; this runs once per block, so a fixed order costs nothing measurable.
     */
    private static double laneSum(FloatVector v) {
        double sum = 0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }

    /** log(sum(exp(logits))) computed stably: max + log(sum(exp(logits - max))). */
    public static double logSumExp(MemorySegment logits, long offset, int n) {
        float max = max(logits, offset, n);
        return max + Math.log(sumExp(logits, offset, n, max));
    }

    /** Log-probability of {@code target} under the softmax of the row. */
    public static double logProb(MemorySegment logits, long offset, int n, int target) {
        float max = max(logits, offset, n);
        double sum = sumExp(logits, offset, n, max);
        float logit = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) target * Float.BYTES);
        return (double) logit - max - Math.log(sum);
    }

    private static final FloatVector NEG_LN2_HI = FloatVector.broadcast(SPECIES, -LN2_HI);
    private static final FloatVector NEG_LN2_LO = FloatVector.broadcast(SPECIES, -LN2_LO);
    private static final FloatVector P0 = FloatVector.broadcast(SPECIES, 1.9875691500e-4f);
    private static final FloatVector P1 = FloatVector.broadcast(SPECIES, 1.3981999507e-3f);
    private static final FloatVector P2 = FloatVector.broadcast(SPECIES, 8.3334519073e-3f);
    private static final FloatVector P3 = FloatVector.broadcast(SPECIES, 4.1665795894e-2f);
    private static final FloatVector P4 = FloatVector.broadcast(SPECIES, 1.6666665459e-1f);
    private static final FloatVector P5 = FloatVector.broadcast(SPECIES, 5.0000001201e-1f);

    /** exp(x) for x <= 0, lane-wise: x = n ln2 + r, exp(r) by a degree-6 polynomial, 2^n by exponent bits. */
    static FloatVector exp(FloatVector x) {
        x = x.max(MIN_ARG);
        FloatVector t = x.fma(LOG2E, ROUND_MAGIC);      // n + 1.5 * 2^23, n = round(x / ln2)
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(NEG_LN2_HI, x);           // r = x - n ln2, in two steps for accuracy
        r = n.fma(NEG_LN2_LO, r);
        FloatVector p = P0.fma(r, P1).fma(r, P2).fma(r, P3).fma(r, P4).fma(r, P5);
        FloatVector e = p.fma(r.mul(r), r).add(1f);     // 1 + r + r^2 p(r)
        IntVector twoToN = ((IntVector) t.reinterpretAsInts()).sub(ROUND_MAGIC_BITS).add(127)
                .lanewise(VectorOperators.LSHL, 23);
        return e.mul((FloatVector) twoToN.reinterpretAsFloats());
    }
}
