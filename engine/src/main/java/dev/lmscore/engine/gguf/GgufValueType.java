package dev.lmscore.engine.gguf;

import java.util.Optional;

/**
 * The types a GGUF metadata value can have, with their on-disk ids ({@code enum gguf_type} in
 * ggml's {@code gguf.h}). All multi-byte values are little-endian; a bool is one byte.
 */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    /** A uint64 byte length followed by that many UTF-8 bytes, no terminator. */
    STRING(8, 0),
    /** An element type, a uint64 element count, then the elements. */
    ARRAY(9, 0),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private static final GgufValueType[] BY_ID = new GgufValueType[13];

    static {
        for (GgufValueType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int size;

    GgufValueType(int id, int size) {
        this.id = id;
        this.size = size;
    }

    /** The id stored in the file. */
    public int id() {
        return id;
    }

    /** Bytes one value takes on disk, or 0 for the variable-length STRING and ARRAY. */
    public int fixedSize() {
        return size;
    }

    /** Whether this is one of the integer types (signed or unsigned, any width). */
    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            default -> false;
        };
    }

    /** Whether this is FLOAT32 or FLOAT64. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The type with the given on-disk id, or empty for an id GGUF does not define. */
    public static Optional<GgufValueType> fromId(int id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }
}
