package dev.lmscore.engine.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a GGUF file says about one tensor: its name, shape, data type and where its data starts,
 * relative to the start of the file's data section. The data itself is not read.
 *
 * <p>The shape is in ggml order: {@code shape[0]} is the row length (the fastest-varying
 * dimension), so a {@code [n_embd, n_vocab]} token embedding has rows of {@code n_embd} elements.
 */
public final class GgufTensorInfo {
    /** ggml's GGML_MAX_DIMS. */
    public static final int MAX_DIMENSIONS = 4;
    /** Longest tensor name llama.cpp accepts (GGML_MAX_NAME is 64, including the terminator). */
    public static final int MAX_NAME_LENGTH = 63;

    private final String name;
    private final long[] shape;
    private final GgmlType type;
    private final long offset;
    private final long elementCount;

    /**
     * @throws IllegalArgumentException if the shape has more than four dimensions, a negative
     *         dimension, more elements than a long holds, or rows that are not whole blocks of
     *         {@code type}
     */
    public GgufTensorInfo(String name, long[] shape, GgmlType type, long offset) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.type = Objects.requireNonNull(type, "type");
        this.offset = offset;
        if (shape.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + shape.length + " dimensions, at most " + MAX_DIMENSIONS + " allowed");
        }
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension: " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        this.elementCount = count;
        if (rowLength() % type.blockSize() != 0) {
            throw new IllegalArgumentException(rowSizeProblem(name, type, rowLength()));
        }
        if (offset < 0) {
            throw new IllegalArgumentException("tensor '" + name + "' has a negative offset " + offset);
        }
    }

    /** The message for a row length that is not a whole number of blocks, shared with the reader. */
    static String rowSizeProblem(String name, GgmlType type, long rowLength) {
        return "tensor '" + name + "' (" + type + ") has rows of " + rowLength + " elements, not a multiple of the "
                + type + " block size " + type.blockSize() + "; llama.cpp refuses such a file";
    }

    public String name() {
        return name;
    }

    public GgmlType type() {
        return type;
    }

    /** The dimensions, row length first. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 to 4). */
    public int rank() {
        return shape.length;
    }

    /** Dimension {@code i}, or 1 beyond the rank (as ggml pads shapes to four dimensions). */
    public long dimension(int i) {
        return i < shape.length ? shape[i] : 1;
    }

    /** Elements per row: the first dimension. */
    public long rowLength() {
        return dimension(0);
    }

    /** Offset of the data from the start of the file's data section. */
    public long offset() {
        return offset;
    }

    /** Total number of elements (the product of the dimensions). */
    public long elementCount() {
        return elementCount;
    }

    /** Bytes the data takes in the file, before alignment padding. */
    public long byteSize() {
        return type.byteSize(elementCount);
    }

    /** A copy at another offset; used by the writer, which assigns offsets. */
    GgufTensorInfo withOffset(long newOffset) {
        return new GgufTensorInfo(name, shape, type, newOffset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && t.name.equals(name) && Arrays.equals(t.shape, shape)
                && t.type == type && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), type, offset);
    }

    /** E.g. {@code blk.0.attn_q.weight Q8_0 [576, 576] @ 1234}. */
    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape) + " @ " + offset;
    }
}
