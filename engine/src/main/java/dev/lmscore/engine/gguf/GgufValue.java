package dev.lmscore.engine.gguf;

import java.util.Objects;

/**
 * One GGUF metadata value with its on-disk type. Integers of every width are held as a {@link Long}
 * (unsigned ones zero-extended; UINT64 as its raw bits), FLOAT32 as a {@link Float}, FLOAT64 as a
 * {@link Double}, BOOL as a {@link Boolean}, STRING as a {@link String}, ARRAY as a
 * {@link GgufArray}. Keeping the type means a value read from one file is written back unchanged.
 *
 * @param type  the on-disk type
 * @param value the value, boxed as described above
 */
public record GgufValue(GgufValueType type, Object value) {

    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Class<?> expected = switch (type) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> Long.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            case BOOL -> Boolean.class;
            case STRING -> String.class;
            case ARRAY -> GgufArray.class;
        };
        if (value.getClass() != expected) {
            throw new IllegalArgumentException("a " + type + " value must be held as " + expected.getSimpleName() + ", not " + value.getClass().getSimpleName());
        }
        if (type.isInteger() && type != GgufValueType.UINT64 && type != GgufValueType.INT64) {
            long v = (Long) value;
            long min = switch (type) { case INT8 -> Byte.MIN_VALUE; case INT16 -> Short.MIN_VALUE; case INT32 -> Integer.MIN_VALUE; default -> 0; };
            long max = switch (type) {
                case UINT8 -> 0xFF; case INT8 -> Byte.MAX_VALUE; case UINT16 -> 0xFFFF; case INT16 -> Short.MAX_VALUE;
                case UINT32 -> 0xFFFF_FFFFL; default -> Integer.MAX_VALUE;
            };
            if (v < min || v > max) {
                throw new IllegalArgumentException(v + " is out of range for " + type);
            }
        }
    }

    public static GgufValue uint8(int v) { return new GgufValue(GgufValueType.UINT8, (long) v); }
    public static GgufValue int8(int v) { return new GgufValue(GgufValueType.INT8, (long) v); }
    public static GgufValue uint16(int v) { return new GgufValue(GgufValueType.UINT16, (long) v); }
    public static GgufValue int16(int v) { return new GgufValue(GgufValueType.INT16, (long) v); }
    public static GgufValue uint32(long v) { return new GgufValue(GgufValueType.UINT32, v); }
    public static GgufValue int32(int v) { return new GgufValue(GgufValueType.INT32, (long) v); }
    /** A UINT64 from its raw 64 bits. */
    public static GgufValue uint64(long v) { return new GgufValue(GgufValueType.UINT64, v); }
    public static GgufValue int64(long v) { return new GgufValue(GgufValueType.INT64, v); }
    public static GgufValue float32(float v) { return new GgufValue(GgufValueType.FLOAT32, v); }
    public static GgufValue float64(double v) { return new GgufValue(GgufValueType.FLOAT64, v); }
    public static GgufValue bool(boolean v) { return new GgufValue(GgufValueType.BOOL, v); }
    public static GgufValue string(String v) { return new GgufValue(GgufValueType.STRING, v); }
    public static GgufValue array(GgufArray v) { return new GgufValue(GgufValueType.ARRAY, v); }

    /**
     * The value of an integer type, as described for the class.
     *
     * @throws IllegalStateException if the value is not an integer
     */
    public long asLong() {
        if (!type.isInteger()) {
            throw new IllegalStateException("a " + type + " is not an integer");
        }
        return (Long) value;
    }

    /**
     * The value of a numeric type (integer or floating point) as a double.
     *
     * @throws IllegalStateException if the value is not a number
     */
    public double asDouble() {
        return switch (value) {
            case Float f -> f;
            case Double d -> d;
            case Long l when type == GgufValueType.UINT64 && l < 0 -> (double) (l >>> 1) * 2.0 + (l & 1);
            case Long l -> l;
            default -> throw new IllegalStateException("a " + type + " is not a number");
        };
    }

    /** @throws IllegalStateException if the value is not a BOOL */
    public boolean asBoolean() {
        if (!(value instanceof Boolean b)) {
            throw new IllegalStateException("a " + type + " is not a boolean");
        }
        return b;
    }

    /** @throws IllegalStateException if the value is not a STRING */
    public String asString() {
        if (!(value instanceof String s)) {
            throw new IllegalStateException("a " + type + " is not a string");
        }
        return s;
    }

    /** @throws IllegalStateException if the value is not an ARRAY */
    public GgufArray asArray() {
        if (!(value instanceof GgufArray a)) {
            throw new IllegalStateException("a " + type + " is not an array");
        }
        return a;
    }

    /** The value as it would be shown to a user: {@code 2048}, {@code "llama"}, {@code [STRING x 512: ...]}. */
    @Override
    public String toString() {
        return switch (value) {
            case String s -> '"' + s + '"';
            case Long l when type == GgufValueType.UINT64 -> Long.toUnsignedString(l);
            default -> value.toString();
        };
    }
}
