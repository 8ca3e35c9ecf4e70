package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import dev.lmscore.engine.kernel.LogSoftmax;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Two-pass alternatives to the engine's log-softmax kernel (max pass, then sum of exponentials),
 * built on the engine's earlier exponential ({@link PolynomialExp}, Cephes-style in base e). Apart
 * from {@link #cephesTwoPass}, they take the row's max from the engine's current first pass
 * ({@link LogSoftmax#max}) and change one decision of the earlier sum (hand-written polynomial exp,
 * one vector per iteration, float lanes folded into a double every {@value #BLOCK} elements) so the
 * benchmarks can put a number on that decision:
 *
 * <ul>
 *   <li>{@link #cephesTwoPass}: the engine's kernel before 2026-12 (one-accumulator
 *       {@code FloatVector.max} pass, base-e polynomial clamped with {@code max}); the engine now works
 *       in base 2 with compare-and-blend (see {@link LogSoftmax});</li>
 *   <li>{@link #autoVectorised}: plain scalar loops, left to C2's auto-vectoriser;</li>
 *   <li>{@link #vectorApiExp}: {@code VectorOperators.EXP} instead of the polynomial;</li>
 *   <li>{@link #estrinExp}: the same polynomial evaluated by Estrin's scheme (shorter dependency chain);</li>
 *   <li>{@link #unrolledTwice}: two vectors and two accumulators per iteration (more independent work in flight);</li>
 *   <li>{@link #floatAccumulation}: the sum kept in float lanes for the whole row;</li>
 *   <li>{@link #doubleAccumulation}: every exponential widened to double lanes before it is added.</li>
 * </ul>
 *
 * The one-pass alternatives are in {@link OnlineKernels}.
 */
public final class KernelVariants {
    private static final VectorSpecies<Float> F = PolynomialExp.SPECIES;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Floats per block, as the engine's: 4 KB, well inside L1. */
    static final int BLOCK = 1024;

    static {
        if (F.length() != 2 * D.length()) {
            throw new ExceptionInInitializerError("expected a float species twice as wide as the double species, got "
                    + F + " and " + D);
        }
    }

    private KernelVariants() {}

    static FloatVector load(MemorySegment logits, long offset, int i) {
        return FloatVector.fromMemorySegment(F, logits, offset + (long) i * Float.BYTES, ORDER);
    }

    static float get(MemorySegment logits, long offset, int i) {
        return logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES);
    }

    static double finish(MemorySegment logits, long offset, int target, double max, double sum) {
        return get(logits, offset, target) - max - Math.log(sum);
    }

    /**
     * Plain loops as one would write them without the Vector API: the scalar polynomial exp
     * (branch-free, so C2's auto-vectoriser may take it) and a double sum. Java's strict order of
     * floating-point additions keeps C2 from reassociating the sum, so at best the exponentials are
     * vectorised and the reduction stays sequential.
     */
    public static double autoVectorised(MemorySegment logits, long offset, int vocab, int target) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            max = Math.max(max, get(logits, offset, i));
        }
        double total = 0;
        for (int i = 0; i < vocab; i++) {
            total += PolynomialExp.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** The engine's kernel before 2026-12: a one-accumulator max pass, then the base-e polynomial sum. */
    public static double cephesTwoPass(MemorySegment logits, long offset, int vocab, int target) {
        float max = maxPass(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        int bound = F.loopBound(vocab);
        double total = 0;
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(F);
            for (; i < blockEnd; i += LANES) {
                acc = acc.add(PolynomialExp.exp(load(logits, offset, i).sub(vmax)));
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < vocab; i++) {
            total += Math.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** Max with {@code FloatVector.max} (Java's NaN and -0.0 rules, several instructions) and one accumulator. */
    static float maxPass(MemorySegment logits, long offset, int vocab) {
        FloatVector acc = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int bound = F.loopBound(vocab);
        int i = 0;
        for (; i < bound; i += LANES) {
            acc = acc.max(load(logits, offset, i));
        }
        float max = acc.reduceLanes(VectorOperators.MAX);
        for (; i < vocab; i++) {
            max = Math.max(max, get(logits, offset, i));
        }
        return max;
    }

    /** The engine's two passes with the JDK's {@code VectorOperators.EXP} (an SVML stub where the JDK has one). */
    public static double vectorApiExp(MemorySegment logits, long offset, int vocab, int target) {
        float max = LogSoftmax.max(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        int bound = F.loopBound(vocab);
        double total = 0;
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(F);
            for (; i < blockEnd; i += LANES) {
                acc = acc.add(load(logits, offset, i).sub(vmax).lanewise(VectorOperators.EXP));
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < vocab; i++) {
            total += Math.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** The engine's kernel with the exponential polynomial by Estrin's scheme ({@link PolynomialExp#expEstrin}). */
    public static double estrinExp(MemorySegment logits, long offset, int vocab, int target) {
        float max = LogSoftmax.max(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        int bound = F.loopBound(vocab);
        double total = 0;
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(F);
            for (; i < blockEnd; i += LANES) {
                acc = acc.add(PolynomialExp.expEstrin(load(logits, offset, i).sub(vmax)));
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < vocab; i++) {
            total += Math.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** The engine's kernel with its sum loop unrolled: two vectors, two accumulators per iteration. */
    public static double unrolledTwice(MemorySegment logits, long offset, int vocab, int target) {
        float max = LogSoftmax.max(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        int bound = vocab - vocab % (2 * LANES);
        double total = 0;
        int i = 0;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc0 = FloatVector.zero(F);
            FloatVector acc1 = FloatVector.zero(F);
            for (; i < blockEnd; i += 2 * LANES) {
                acc0 = acc0.add(PolynomialExp.exp(load(logits, offset, i).sub(vmax)));
                acc1 = acc1.add(PolynomialExp.exp(load(logits, offset, i + LANES).sub(vmax)));
            }
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < vocab; i++) {
            total += Math.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** The engine's two passes with the sum in float lanes over the whole row (no per-block fold into double). */
    public static double floatAccumulation(MemorySegment logits, long offset, int vocab, int target) {
        float max = LogSoftmax.max(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        FloatVector acc = FloatVector.zero(F);
        int bound = F.loopBound(vocab);
        int i = 0;
        for (; i < bound; i += LANES) {
            acc = acc.add(PolynomialExp.exp(load(logits, offset, i).sub(vmax)));
        }
        float total = acc.reduceLanes(VectorOperators.ADD);
        for (; i < vocab; i++) {
            total += PolynomialExp.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }

    /** The engine's two passes with each vector of exponentials widened to two double vectors and summed in double. */
    public static double doubleAccumulation(MemorySegment logits, long offset, int vocab, int target) {
        float max = LogSoftmax.max(logits, offset, vocab);
        FloatVector vmax = FloatVector.broadcast(F, max);
        DoubleVector low = DoubleVector.zero(D);
        DoubleVector high = DoubleVector.zero(D);
        int bound = F.loopBound(vocab);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector e = PolynomialExp.exp(load(logits, offset, i).sub(vmax));
            low = low.add((DoubleVector) e.convertShape(VectorOperators.F2D, D, 0));
            high = high.add((DoubleVector) e.convertShape(VectorOperators.F2D, D, 1));
        }
        double total = low.add(high).reduceLanes(VectorOperators.ADD);
        for (; i < vocab; i++) {
            total += PolynomialExp.exp(get(logits, offset, i) - max);
        }
        return finish(logits, offset, target, max, total);
    }
}
