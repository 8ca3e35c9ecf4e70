package dev.lmscore.bench.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The engine's exponential until 2026-12, for x <= 0 (Cephes-style: x = n ln2 + r, exp(r) by a
 * degree-6 polynomial, 2^n through the exponent bits, the argument clamped with
 * {@code FloatVector.max}), in a lane-wise Vector API form and a scalar form, for the variants of
 * {@link KernelVariants}; the engine's current exponential (base 2, degree 5, clamped only for rows
 * that need it) is measured as {@code ENGINE}. {@link #expEstrin} evaluates the same polynomial by
 * Estrin's scheme, a dependency chain of 3 multiply-adds instead of Horner's 5; it gains little, as
 * the iterations overlap anyway: what cost most was {@code FloatVector.max} (several instructions a
 * vector for Java's NaN and -0.0 rules) in the clamp and in the one-accumulator max pass. The
 * scalar form is what a plain loop gives C2's auto-vectoriser to work on.
 */
public final class PolynomialExp {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds to the nearest integer and leaves that integer in the low mantissa bits. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final int ROUND_MAGIC_BITS = 0x4B400000;
    /** Below this exp underflows to a denormal; such terms cannot change a sum that contains exp(0) = 1. */
    private static final float MIN_ARG = -87.0f;
    private static final float C0 = 1.9875691500e-4f;
    private static final float C1 = 1.3981999507e-3f;
    private static final float C2 = 8.3334519073e-3f;
    private static final float C3 = 4.1665795894e-2f;
    private static final float C4 = 1.6666665459e-1f;
    private static final float C5 = 5.0000001201e-1f;

    private static final FloatVector NEG_LN2_HI = FloatVector.broadcast(SPECIES, -LN2_HI);
    private static final FloatVector NEG_LN2_LO = FloatVector.broadcast(SPECIES, -LN2_LO);
    private static final FloatVector P0 = FloatVector.broadcast(SPECIES, C0);
    private static final FloatVector P1 = FloatVector.broadcast(SPECIES, C1);
    private static final FloatVector P2 = FloatVector.broadcast(SPECIES, C2);
    private static final FloatVector P3 = FloatVector.broadcast(SPECIES, C3);
    private static final FloatVector P4 = FloatVector.broadcast(SPECIES, C4);
    private static final FloatVector P5 = FloatVector.broadcast(SPECIES, C5);

    private PolynomialExp() {}

    /** exp(x) lane-wise, for x <= 0. */
    public static FloatVector exp(FloatVector x) {
        x = x.max(MIN_ARG);
        FloatVector t = x.fma(LOG2E, ROUND_MAGIC);
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(NEG_LN2_HI, x);
        r = n.fma(NEG_LN2_LO, r);
        FloatVector p = P0.fma(r, P1).fma(r, P2).fma(r, P3).fma(r, P4).fma(r, P5);
        FloatVector e = p.fma(r.mul(r), r).add(1f);
        IntVector twoToN = ((IntVector) t.reinterpretAsInts()).sub(ROUND_MAGIC_BITS).add(127)
                .lanewise(VectorOperators.LSHL, 23);
        return e.mul((FloatVector) twoToN.reinterpretAsFloats());
    }

    /**
     * exp(x) lane-wise, for x <= 0, with the polynomial by Estrin's scheme:
     * p(r) = (P0 r + P1) r⁴ + (P2 r + P3) r² + (P4 r + P5), and 2^n·(1 + q) as one multiply-add.
     */
    public static FloatVector expEstrin(FloatVector x) {
        x = x.max(MIN_ARG);
        FloatVector t = x.fma(LOG2E, ROUND_MAGIC);
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(NEG_LN2_HI, x);
        r = n.fma(NEG_LN2_LO, r);
        FloatVector r2 = r.mul(r);
        FloatVector r4 = r2.mul(r2);
        FloatVector p = P0.fma(r, P1).fma(r4, P2.fma(r, P3).fma(r2, P4.fma(r, P5)));
        FloatVector q = p.fma(r2, r);                   // exp(r) - 1
        IntVector twoToN = ((IntVector) t.reinterpretAsInts()).sub(ROUND_MAGIC_BITS).add(127)
                .lanewise(VectorOperators.LSHL, 23);
        FloatVector scale = (FloatVector) twoToN.reinterpretAsFloats();
        return q.fma(scale, scale);                     // 2^n (1 + q)
    }

    /** exp(x) for x <= 0, the same operations on one float: branch-free, so a loop over it can vectorise. */
    public static float exp(float x) {
        x = Math.max(x, MIN_ARG);
        float t = Math.fma(x, LOG2E, ROUND_MAGIC);
        float n = t - ROUND_MAGIC;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(C0, r, C1), r, C2), r, C3), r, C4), r, C5);
        float e = Math.fma(p, r * r, r) + 1f;
        int twoToN = (Float.floatToRawIntBits(t) - ROUND_MAGIC_BITS + 127) << 23;
        return e * Float.intBitsToFloat(twoToN);
    }
}
