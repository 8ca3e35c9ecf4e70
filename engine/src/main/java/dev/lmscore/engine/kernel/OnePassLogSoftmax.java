package dev.lmscore.engine.kernel;

import static dev.lmscore.engine.kernel.Exp2.LOG2E;
import static dev.lmscore.engine.kernel.Exp2.MIN_EXPONENT;
import static dev.lmscore.engine.kernel.LogSoftmax.BLOCK;
import static dev.lmscore.engine.kernel.LogSoftmax.LANES;
import static dev.lmscore.engine.kernel.LogSoftmax.SPECIES;
import static dev.lmscore.engine.kernel.LogSoftmax.exp2;
import static dev.lmscore.engine.kernel.LogSoftmax.laneSum;
import static dev.lmscore.engine.kernel.LogSoftmax.load;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Scores a row against its target in one streaming pass: the extremes and the exponential sum of
 * each logit are computed from the same load. {@link LogSoftmax}'s two passes read the row twice,
 * the first bound by memory and the second by arithmetic, one after the other; here the memory
 * stream and the arithmetic share one loop: 1.2–2.2× the two-pass kernel on 256 rows streamed
 * from memory, one thread, JMH with lmscore's JIT options (bench/RESULTS.md).
 *
 * <p>The exponentials need a shift before the max is known. They are taken relative to a base: the
 * max of the row's first block, read once ahead (from memory; the pass then finds it in L1). Each
 * block's sum is checked against its own extremes: when a block's max lies more than
 * {@link #MAX_OCTAVES_ABOVE_BASE} octaves above the base, the base moves up to it (the sum so far
 * rescaled in double) and the same loop runs over that block again, from L1; when its min lies
 * below the exponent trick's range, the block is summed again with clamping (rare: logits spread
 * over more than 86 nats). So every term keeps y <= 8: its exponent
 * rounds as finely as in the two-pass kernel (an error below 2e-7 relative), and the rows' results
 * agree with {@link LogSoftmax#logProb} within its 1e-6 bound. Both are deterministic: a row gives
 * the same bits on any thread, interpreted or compiled.
 */
final class OnePassLogSoftmax {
    /** How far a block's max may lie above the base before the base moves: y <= 8 keeps y's rounding below 2.4e-7 octaves. */
    private static final float MAX_OCTAVES_ABOVE_BASE = 8f;
    /** The scalar tail adds exp(logit - base) in double; a tail logit this far above the base takes the two-pass kernel. */
    private static final float MAX_TAIL_NATS_ABOVE_BASE = 80f;

    private OnePassLogSoftmax() {}

    /** As {@link RowScore#score}: log p(target), {@code greedyOut[index]} whether the target has the top logit. */
    static double score(MemorySegment logits, long offset, int n, int target, boolean[] greedyOut, int index) {
        // whole pairs of vectors only: the few logits after them go to the scalar tail, which keeps
        // this method small enough for C2 to inline the vector helpers into it
        int bound = n - n % (2 * LANES);
        float base = LogSoftmax.maxOf(LogSoftmax.extremesRange(logits, offset, 0, Math.min(bound, BLOCK)));
        if (!(base > Float.NEGATIVE_INFINITY && base < Float.POSITIVE_INFINITY)) {
            return RowScore.twoPassScore(logits, offset, n, target, greedyOut, index); // no vectors, or an infinite or NaN-only first block
        }
        float shift = Exp2.shift(base);
        double unit = Exp2.shiftCorrection(base, shift); // 2^(logit·log2(e) + shift) · unit = exp(logit - base)
        FloatVector log2e = FloatVector.broadcast(SPECIES, LOG2E);
        FloatVector vshift = FloatVector.broadcast(SPECIES, shift);
        FloatVector lowest = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector highest = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
        // The blocks' sums, kept exactly as hi + lo (Knuth's two-sum, lane by lane) and reduced to a
        // double once per row: a block then ends with six vector operations instead of sixteen lane
        // extractions and a chain of double adds (1.1-1.6x on a cached row in JMH). Widening to a
        // DoubleVector instead is not intrinsified in this method and boxes every vector. Times
        // unit, plus carried (the sum before the last base move), they are the sum of exp(logit - base).
        FloatVector hi = FloatVector.zero(SPECIES);
        FloatVector lo = hi;
        double carried = 0;
        FloatVector rowMax = lowest;
        for (int from = 0; from < bound; ) {
            int to = Math.min(bound, from + BLOCK);
            FloatVector acc0 = FloatVector.zero(SPECIES);
            FloatVector acc1 = acc0;
            FloatVector blockMax0 = lowest, blockMax1 = lowest;
            FloatVector low0 = highest, low1 = highest;
            for (int i = from; i < to; i += 2 * LANES) {
                long at = offset + (long) i * Float.BYTES;
                FloatVector v0 = load(logits, at);
                FloatVector v1 = load(logits, at + (long) LANES * Float.BYTES);
                blockMax0 = blockMax0.blend(v0, blockMax0.lt(v0));
                blockMax1 = blockMax1.blend(v1, blockMax1.lt(v1));
                FloatVector y0 = v0.fma(log2e, vshift);
                FloatVector y1 = v1.fma(log2e, vshift);
                low0 = low0.blend(y0, y0.lt(low0));
                low1 = low1.blend(y1, y1.lt(low1));
                acc0 = acc0.add(exp2(y0));
                acc1 = acc1.add(exp2(y1));
            }
            FloatVector acc = acc0.add(acc1);
            FloatVector blockMax = blockMax0.blend(blockMax1, blockMax0.lt(blockMax1));
            // one vector compare each tells whether the block needs a fix-up; only then is its max
            // reduced to a scalar (two reductions a block cost more than the block's checks)
            if (blockMax.fma(log2e, vshift).compare(VectorOperators.GT, MAX_OCTAVES_ABOVE_BASE).anyTrue()) {
                float max = blockMax.reduceLanes(VectorOperators.MAX);
                if (!((max - base) * LOG2E <= MAX_OCTAVES_ABOVE_BASE) && max > base) {
                    // logits far above the base: move the base up to them and sum this block again
                    // (from L1) in this same loop, so that no other method's code needs compiling for it
                    carried = (carried + (laneSum(hi) + laneSum(lo)) * unit) * Math.exp((double) base - max);
                    hi = FloatVector.zero(SPECIES);
                    lo = hi;
                    base = max;
                    shift = Exp2.shift(base);
                    unit = Exp2.shiftCorrection(base, shift);
                    vshift = FloatVector.broadcast(SPECIES, shift);
                    continue;
                }
            }
            if (low0.blend(low1, low1.lt(low0)).compare(VectorOperators.LT, MIN_EXPONENT + 1).anyTrue()) { // also -infinity
                acc = LogSoftmax.blockClamped(logits, offset, from, to, shift);
            }
            FloatVector next = hi.add(acc);
            FloatVector z = next.sub(hi);
            lo = lo.add(hi.sub(next.sub(z)).add(acc.sub(z))); // what rounding dropped from next
            hi = next;
            rowMax = rowMax.blend(blockMax, rowMax.lt(blockMax));
            from = to;
        }
        double sum = carried + (laneSum(hi) + laneSum(lo)) * unit;
        float max = rowMax.reduceLanes(VectorOperators.MAX);
        for (int i = bound; i < n; i++) {
            float x = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES);
            if (!(x - base <= MAX_TAIL_NATS_ABOVE_BASE)) {
                return RowScore.twoPassScore(logits, offset, n, target, greedyOut, index);
            }
            sum += Math.exp((double) x - base);
            max = Math.max(max, x); // no branch: a tail logit that is the row's max must not hit an untaken path
        }
        float logit = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) target * Float.BYTES);
        if (greedyOut != null) {
            greedyOut[index] = logit >= max;
        }
        return (double) logit - base - Math.log(sum);
    }
}
