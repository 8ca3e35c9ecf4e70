package dev.lmscore.engine.kernel;

/**
 * The exponential both log-softmax kernels use, in float: 2^y for -125 <= y <= 8 as y = n + f, n
 * an integer and |f| <= 1/2, 2^f by a degree-5 minimax polynomial (relative error below 2e-7) and
 * n added into the result's exponent bits. {@link LogSoftmax} computes it lane-wise from these
 * constants; short rows use {@link #exp2(float)}. Compile-time constants, so that reading them
 * does not initialise the Vector API kernel.
 */
final class Exp2 {
    static final float LOG2E = 1.44269504088896341f;
    static final double LN2 = 0.6931471805599453;
    /** 1.5 * 2^23: adding it rounds to the nearest integer and leaves that integer in the low mantissa bits. */
    static final float ROUND_MAGIC = 12582912f;
    /** The smallest y whose 2^y the exponent-bits step gives as a normal float. */
    static final float MIN_EXPONENT = -125f;
    // 2^f ~ 1 + f (C1 + f (C2 + f (C3 + f (C4 + f C5)))), minimax for relative error on [-1/2, 1/2]
    static final float C1 = 0.6931470036506653f;
    static final float C2 = 0.24022242426872253f;
    static final float C3 = 0.05550733581185341f;
    static final float C4 = 0.009671512991189957f;
    static final float C5 = 0.001326472731307149f;

    private Exp2() {}

    /** -base · log2(e) rounded to float: y = logit · log2(e) + shift puts {@code base} at 2^0. */
    static float shift(float base) {
        return -base * LOG2E;
    }

    /**
     * The factor that turns a sum of 2^(logit · log2(e) + {@link #shift shift(base)}) into the sum of
     * exp(logit - base): it takes out the shift's rounding to float, the same for every term (exactly
     * 1 when the shift is exact).
     */
    static double shiftCorrection(float base, float shift) {
        return Math.exp(-((double) shift + (double) base * LOG2E) * LN2);
    }

    /** 2^y for MIN_EXPONENT <= y <= 0, as {@code LogSoftmax.exp2} computes each lane. */
    static float exp2(float y) {
        float t = y + ROUND_MAGIC; // n in the low mantissa bits
        float f = y - (t - ROUND_MAGIC);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(C5, f, C4), f, C3), f, C2), f, C1), f, 1f);
        // t's bits are 0x4B400000 + n; shifted left by 23 the constant part leaves the word, n << 23 stays
        return Float.intBitsToFloat(Float.floatToRawIntBits(p) + (Float.floatToRawIntBits(t) << 23));
    }
}
