package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.util.Arrays;

/** Reads metadata values, arrays included, from a {@link GgufInput}. */
final class GgufValueReader {
    private GgufValueReader() {}

    static GgufValue read(GgufInput in, GgufValueType type) throws IOException {
        return switch (type) {
            case UINT8 -> GgufValue.uint8(in.u8());
            case INT8 -> GgufValue.int8((byte) in.u8());
            case UINT16 -> GgufValue.uint16(Short.toUnsignedInt(in.i16()));
            case INT16 -> GgufValue.int16(in.i16());
            case UINT32 -> GgufValue.uint32(in.u32());
            case INT32 -> GgufValue.int32(in.i32());
            case FLOAT32 -> GgufValue.float32(in.f32());
            case BOOL -> GgufValue.bool(in.u8() != 0);
            case STRING -> GgufValue.string(in.string());
            case UINT64 -> GgufValue.uint64(in.i64());
            case INT64 -> GgufValue.int64(in.i64());
            case FLOAT64 -> GgufValue.float64(in.f64());
            case ARRAY -> throw new IllegalArgumentException("arrays are read by readArray");
        };
    }

    /**
     * Reads {@code count} elements of {@code elementType}. The count is checked against the bytes
     * left in the file before anything is allocated, so a corrupt count cannot exhaust memory.
     */
    static GgufArray readArray(GgufInput in, String key, GgufValueType elementType, long count) throws IOException {
        if (elementType == GgufValueType.ARRAY) {
            throw in.problem("nested arrays are not supported (llama.cpp refuses them) in the value of key '" + key + "'");
        }
        // Every element takes at least its fixed size, and a string at least its 8-byte length.
        long minElementSize = elementType == GgufValueType.STRING ? 8 : elementType.fixedSize();
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw in.problem("corrupt array length " + Long.toUnsignedString(count) + " in the value of key '" + key + "'");
        }
        in.require(count * minElementSize);
        int n = (int) count;
        return switch (elementType) {
            case UINT8, INT8 -> {
                byte[] a = new byte[n];
                in.bytes(a, 0, n);
                yield new GgufArray(elementType, a);
            }
            case BOOL -> {
                byte[] raw = new byte[n];
                in.bytes(raw, 0, n);
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = raw[i] != 0;
                }
                yield new GgufArray(elementType, a);
            }
            case UINT16, INT16 -> {
                short[] a = new short[n];
                in.shorts(a);
                yield new GgufArray(elementType, a);
            }
            case UINT32, INT32 -> {
                int[] a = new int[n];
                in.ints(a);
                yield new GgufArray(elementType, a);
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                in.floats(a);
                yield new GgufArray(elementType, a);
            }
            case UINT64, INT64 -> {
                long[] a = new long[n];
                in.longs(a);
                yield new GgufArray(elementType, a);
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                in.doubles(a);
                yield new GgufArray(elementType, a);
            }
            case STRING -> new GgufArray(elementType, readStrings(in, key, n));
            case ARRAY -> throw new AssertionError();
        };
    }

    /** Reads n strings into one packed byte array: no String objects are made until asked for. */
    private static Utf8StringTable readStrings(GgufInput in, String key, int n) throws IOException {
        int[] ends = new int[n];
        // A first guess from the counts alone; vocabularies average well under 16 bytes a token.
        byte[] bytes = new byte[(int) Math.min(Math.min((long) n * 16, in.remaining()), Integer.MAX_VALUE - 16)];
        int used = 0;
        for (int i = 0; i < n; i++) {
            int length = in.stringLength();
            if (used + (long) length > bytes.length) {
                long grown = Math.max((long) used + length, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 16));
                if (grown > Integer.MAX_VALUE - 16) {
                    throw in.problem("the strings of key '" + key + "' take more than 2 GiB");
                }
                bytes = Arrays.copyOf(bytes, (int) grown);
            }
            in.bytes(bytes, used, length);
            used += length;
            ends[i] = used;
        }
        if (bytes.length - used > used / 8) {
            bytes = Arrays.copyOf(bytes, used); // give back an over-estimate
        }
        return new Utf8StringTable(bytes, ends);
    }

}
