package dev.lmscore.bench.kernel;

import static dev.lmscore.bench.kernel.KernelVariants.finish;
import static dev.lmscore.bench.kernel.KernelVariants.get;
import static dev.lmscore.bench.kernel.KernelVariants.load;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Log-softmax kernels that stream the row from memory once, instead of the engine's two full
 * passes (the second of which reads a 128 KB–600 KB row again from L2 or L3):
 *
 * <ul>
 *   <li>{@link #onePassOnline}: a running max per lane, the sum rescaled as the max grows;</li>
 *   <li>{@link #blockedOnline}: max and sum per {@value #BLOCK}-float block, the second read coming
 *       from L1, the running sum rescaled when a block raises the max;</li>
 *   <li>{@link #blockedEstrin}: the same with the Estrin-scheme exponential.</li>
 * </ul>
 */
public final class OnlineKernels {
    private static final VectorSpecies<Float> F = PolynomialExp.SPECIES;
    private static final int LANES = F.length();
    /** Floats per block: 4 KB, well inside L1. */
    static final int BLOCK = KernelVariants.BLOCK;

    private OnlineKernels() {}

    /**
     * One pass: each lane keeps a running max m and a sum s relative to it; a new element x gives
     * m' = max(m, x), s' = s·exp(m − m') + exp(x − m'), two exponentials per element. Each block's
     * lanes are folded into a double (max, sum) pair so the sum keeps the engine's accuracy.
     */
    public static double onePassOnline(MemorySegment logits, long offset, int vocab, int target) {
        double max = Double.NEGATIVE_INFINITY;
        double total = 0;
        // -Float.MAX_VALUE rather than -infinity: exp(m - m') must see a finite difference (the
        // polynomial clamps it to exp(-87)), where -inf - -inf would give NaN.
        FloatVector m = FloatVector.broadcast(F, -Float.MAX_VALUE);
        int bound = F.loopBound(vocab);
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector s = FloatVector.zero(F);
            for (; i < blockEnd; i += LANES) {
                FloatVector x = load(logits, offset, i);
                FloatVector grown = m.max(x);
                s = s.mul(PolynomialExp.exp(m.sub(grown))).add(PolynomialExp.exp(x.sub(grown)));
                m = grown;
            }
            float blockMax = m.reduceLanes(VectorOperators.MAX);
            double blockSum = s.mul(PolynomialExp.exp(m.sub(blockMax))).reduceLanes(VectorOperators.ADD);
            if (blockMax > max) {
                total = total * Math.exp(max - blockMax) + blockSum;
                max = blockMax;
            } else {
                total += blockSum * Math.exp(blockMax - max);
            }
        }
        for (; i < vocab; i++) {
            double x = get(logits, offset, i);
            if (x > max) {
                total = total * Math.exp(max - x) + 1;
                max = x;
            } else {
                total += Math.exp(x - max);
            }
        }
        return finish(logits, offset, target, max, total);
    }

    /**
     * Two passes per {@value #BLOCK}-float block: the block's max, then its exponentials relative to
     * the running max, read again from L1. The row is streamed from memory once; when a block raises
     * the max, the double running sum is rescaled by one scalar exponential.
     */
    public static double blockedOnline(MemorySegment logits, long offset, int vocab, int target) {
        float max = Float.NEGATIVE_INFINITY;
        double total = 0;
        for (int b = 0; b < vocab; b += BLOCK) {
            int end = Math.min(vocab, b + BLOCK);
            int vectorEnd = b + F.loopBound(end - b);
            FloatVector vm = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (int i = b; i < vectorEnd; i += LANES) {
                vm = vm.max(load(logits, offset, i));
            }
            float blockMax = vm.reduceLanes(VectorOperators.MAX);
            for (int i = vectorEnd; i < end; i++) {
                blockMax = Math.max(blockMax, get(logits, offset, i));
            }
            if (blockMax > max) {
                total *= Math.exp((double) max - blockMax); // 0 * exp(-inf) = 0 for the first block
                max = blockMax;
            }
            FloatVector vmax = FloatVector.broadcast(F, max);
            FloatVector acc = FloatVector.zero(F);
            for (int i = b; i < vectorEnd; i += LANES) {
                acc = acc.add(PolynomialExp.exp(load(logits, offset, i).sub(vmax)));
            }
            total += acc.reduceLanes(VectorOperators.ADD);
            for (int i = vectorEnd; i < end; i++) {
                total += Math.exp(get(logits, offset, i) - max);
            }
        }
        return finish(logits, offset, target, max, total);
    }

    /** {@link #blockedOnline} with {@link PolynomialExp#expEstrin}: both changes that measured faster, together. */
    public static double blockedEstrin(MemorySegment logits, long offset, int vocab, int target) {
        float max = Float.NEGATIVE_INFINITY;
        double total = 0;
        for (int b = 0; b < vocab; b += BLOCK) {
            int end = Math.min(vocab, b + BLOCK);
            int vectorEnd = b + F.loopBound(end - b);
            FloatVector vm = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (int i = b; i < vectorEnd; i += LANES) {
                vm = vm.max(load(logits, offset, i));
            }
            float blockMax = vm.reduceLanes(VectorOperators.MAX);
            for (int i = vectorEnd; i < end; i++) {
                blockMax = Math.max(blockMax, get(logits, offset, i));
            }
            if (blockMax > max) {
                total *= Math.exp((double) max - blockMax); // 0 * exp(-inf) = 0 for the first block
                max = blockMax;
            }
            FloatVector vmax = FloatVector.broadcast(F, max);
            FloatVector acc = FloatVector.zero(F);
            for (int i = b; i < vectorEnd; i += LANES) {
                acc = acc.add(PolynomialExp.expEstrin(load(logits, offset, i).sub(vmax)));
            }
            total += acc.reduceLanes(VectorOperators.ADD);
            for (int i = vectorEnd; i < end; i++) {
                total += Math.exp(get(logits, offset, i) - max);
            }
        }
        return finish(logits, offset, target, max, total);
    }
}
