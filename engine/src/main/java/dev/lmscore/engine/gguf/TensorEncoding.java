package dev.lmscore.engine.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts float values to and from the ggml tensor types a writer can produce from floats: F32,
 * F16, BF16 and Q8_0. Conversions match ggml's reference code ({@code quantize_row_q8_0_ref},
 * {@code ggml_fp32_to_bf16}), so a file written here holds the same bytes llama.cpp's own
 * converter would write for the same values.
 */
public final class TensorEncoding {
    private static final int QK8_0 = 32;

    private TensorEncoding() {}

    /** Whether {@link #encode} and {@link #decode} handle {@code type}. */
    public static boolean supports(GgmlType type) {
        return type == GgmlType.F32 || type == GgmlType.F16 || type == GgmlType.BF16 || type == GgmlType.Q8_0;
    }

    /**
     * Encodes {@code count} values from {@code src[offset..]} into {@code dst} (little-endian, at its
     * position). For Q8_0, {@code count} must be a multiple of 32.
     *
     * @throws IllegalArgumentException for a type not {@linkplain #supports supported} or a partial block
     */
    public static void encode(GgmlType type, float[] src, int offset, int count, ByteBuffer dst) {
        dst.order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    dst.putFloat(src[offset + i]);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    dst.putShort(Float.floatToFloat16(src[offset + i]));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    dst.putShort(toBf16(src[offset + i]));
                }
            }
            case Q8_0 -> encodeQ8_0(src, offset, count, dst);
            default -> throw new IllegalArgumentException("cannot encode floats as " + type);
        }
    }

    /**
     * Decodes {@code count} values of {@code type} from {@code src} (at its position) into
     * {@code dst[offset..]}.
     */
    public static void decode(GgmlType type, ByteBuffer src, float[] dst, int offset, int count) {
        src.order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = src.getFloat();
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = Float.float16ToFloat(src.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = Float.intBitsToFloat(src.getShort() << 16);
                }
            }
            case Q8_0 -> {
                requireBlocks(count);
                for (int b = 0; b < count; b += QK8_0) {
                    float d = Float.float16ToFloat(src.getShort());
                    for (int j = 0; j < QK8_0; j++) {
                        dst[offset + b + j] = src.get() * d;
                    }
                }
            }
            default -> throw new IllegalArgumentException("cannot decode " + type + " to floats");
        }
    }

    private static void encodeQ8_0(float[] src, int offset, int count, ByteBuffer dst) {
        requireBlocks(count);
        // One block at a time into a small array, then one bulk put: per-byte puts into a direct
        // buffer cost more than the arithmetic.
        byte[] block = new byte[GgmlType.Q8_0.bytesPerBlock()];
        for (int b = 0; b < count; b += QK8_0) {
            int base = offset + b;
            float amax = 0;
            for (int j = 0; j < QK8_0; j++) {
                float a = Math.abs(src[base + j]);
                amax = a > amax ? a : amax;
            }
            float d = amax / 127f;
            float id = d != 0 ? 1f / d : 0f;
            short scale = Float.floatToFloat16(d);
            block[0] = (byte) scale;
            block[1] = (byte) (scale >> 8);
            for (int j = 0; j < QK8_0; j++) {
                block[2 + j] = (byte) roundHalfAway(src[base + j] * id);
            }
            dst.put(block);
        }
    }

    private static void requireBlocks(int count) {
        if (count % QK8_0 != 0) {
            throw new IllegalArgumentException(count + " values are not a whole number of Q8_0 blocks of " + QK8_0);
        }
    }

    /** C's roundf: halves go away from zero (Math.round sends -2.5 to -2). The fraction x - floor(x) is exact in float. */
    private static int roundHalfAway(float v) {
        float a = Math.abs(v);
        float floor = (float) Math.floor(a);
        int r = (int) floor + (a - floor >= 0.5f ? 1 : 0);
        return v < 0 ? -r : r;
    }

    /** ggml_compute_fp32_to_bf16: round to nearest even, NaNs kept quiet. */
    private static short toBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (short) ((bits >>> 16) | 64);
        }
        return (short) ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16);
    }
}
