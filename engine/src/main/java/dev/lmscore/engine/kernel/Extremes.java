package dev.lmscore.engine.kernel;

/**
 * A row's largest and smallest logit packed into one long: two floats without an object per row on
 * the scoring path. Its own class so that the scalar kernel can read them without initialising the
 * Vector API kernel.
 */
final class Extremes {
    private Extremes() {}

    static long pack(float max, float min) {
        return (long) Float.floatToRawIntBits(max) << 32 | Float.floatToRawIntBits(min) & 0xFFFF_FFFFL;
    }

    static float max(long extremes) {
        return Float.intBitsToFloat((int) (extremes >>> 32));
    }

    static float min(long extremes) {
        return Float.intBitsToFloat((int) extremes);
    }
}
