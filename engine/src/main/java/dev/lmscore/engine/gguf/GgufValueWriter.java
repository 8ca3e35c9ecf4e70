package dev.lmscore.engine.gguf;

import java.io.IOException;

/** Writes metadata values, arrays included, to a {@link GgufOutput}: the inverse of {@link GgufValueReader}. */
final class GgufValueWriter {
    private GgufValueWriter() {}

    /** Writes the type id and the value. */
    static void write(GgufOutput out, GgufValue value) throws IOException {
        out.i32(value.type().id());
        if (value.type() == GgufValueType.ARRAY) {
            writeArray(out, value.asArray());
            return;
        }
        switch (value.type()) {
            case BOOL -> out.u8(value.asBoolean() ? 1 : 0);
            case UINT8, INT8 -> out.u8((int) value.asLong());
            case UINT16, INT16 -> out.i16((short) value.asLong());
            case UINT32, INT32 -> out.i32((int) value.asLong());
            case UINT64, INT64 -> out.i64(value.asLong());
            case FLOAT32 -> out.f32((Float) value.value());
            case FLOAT64 -> out.f64((Double) value.value());
            case STRING -> out.string(value.asString());
            case ARRAY -> throw new AssertionError();
        }
    }

    private static void writeArray(GgufOutput out, GgufArray array) throws IOException {
        out.i32(array.elementType().id());
        out.i64(array.length());
        switch (array.storage()) {
            case byte[] a -> out.bytes(a, 0, a.length);
            case boolean[] a -> {
                for (boolean b : a) {
                    out.u8(b ? 1 : 0);
                }
            }
            case short[] a -> {
                for (short v : a) {
                    out.i16(v);
                }
            }
            case int[] a -> {
                for (int v : a) {
                    out.i32(v);
                }
            }
            case long[] a -> {
                for (long v : a) {
                    out.i64(v);
                }
            }
            case float[] a -> {
                for (float v : a) {
                    out.f32(v);
                }
            }
            case double[] a -> {
                for (double v : a) {
                    out.f64(v);
                }
            }
            case Utf8StringTable t -> {
                for (int i = 0; i < t.size(); i++) {
                    out.i64(t.byteLength(i));
                    out.bytes(t.bytes(), t.start(i), t.byteLength(i));
                }
            }
            default -> throw new AssertionError(array.storage().getClass());
        }
    }
}
