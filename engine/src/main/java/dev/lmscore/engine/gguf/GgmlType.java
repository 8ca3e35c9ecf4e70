package dev.lmscore.engine.gguf;

import java.util.Optional;

/**
 * The tensor data types of ggml ({@code enum ggml_type}), with the block layout ggml stores them
 * in: {@link #blockSize()} elements are packed into {@link #bytesPerBlock()} bytes. A tensor's
 * first dimension (its row length) must be a multiple of the block size, or llama.cpp refuses the
 * file. Sizes follow {@code GGML_QUANT_SIZES} in gguf-py and {@code type_traits} in ggml.c.
 *
 * <p>Ids 4, 5, 31–33 and 36–38 belonged to types ggml has removed; they are not listed, and
 * {@link #fromId(int)} reports them as unknown.
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 2 + 16),
    Q4_1(3, 32, 2 + 2 + 16),
    Q5_0(6, 32, 2 + 4 + 16),
    Q5_1(7, 32, 2 + 2 + 4 + 16),
    Q8_0(8, 32, 2 + 32),
    Q8_1(9, 32, 2 + 2 + 32),
    Q2_K(10, Constants.QK_K, 2 + 2 + Constants.QK_K / 16 + Constants.QK_K / 4),
    Q3_K(11, Constants.QK_K, 2 + Constants.QK_K / 4 + Constants.QK_K / 8 + 12),
    Q4_K(12, Constants.QK_K, 2 + 2 + Constants.QK_K / 2 + 12),
    Q5_K(13, Constants.QK_K, 2 + 2 + Constants.QK_K / 2 + Constants.QK_K / 8 + 12),
    Q6_K(14, Constants.QK_K, 2 + Constants.QK_K / 2 + Constants.QK_K / 4 + Constants.QK_K / 16),
    Q8_K(15, Constants.QK_K, 4 + Constants.QK_K + Constants.QK_K / 8),
    IQ2_XXS(16, Constants.QK_K, 2 + Constants.QK_K / 4),
    IQ2_XS(17, Constants.QK_K, 2 + Constants.QK_K / 4 + Constants.QK_K / 32),
    IQ3_XXS(18, Constants.QK_K, 2 + Constants.QK_K / 4 + Constants.QK_K / 8),
    IQ1_S(19, Constants.QK_K, 2 + Constants.QK_K / 8 + Constants.QK_K / 16),
    IQ4_NL(20, 32, 2 + 16),
    IQ3_S(21, Constants.QK_K, 2 + Constants.QK_K / 4 + Constants.QK_K / 8 + Constants.QK_K / 32 + 4),
    IQ2_S(22, Constants.QK_K, 2 + Constants.QK_K / 4 + Constants.QK_K / 16),
    IQ4_XS(23, Constants.QK_K, 2 + 2 + Constants.QK_K / 2 + Constants.QK_K / 64),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, Constants.QK_K, Constants.QK_K / 8 + Constants.QK_K / 16 + Constants.QK_K / 32),
    BF16(30, 1, 2),
    TQ1_0(34, Constants.QK_K, 2 + 4 * 13),
    TQ2_0(35, Constants.QK_K, 2 + 64),
    MXFP4(39, 32, 1 + 16),
    NVFP4(40, 64, 4 + 32),
    Q1_0(41, 128, 2 + 16),
    Q2_0(42, 64, 2 + 16);

    /** Holder for the super-block size, which enum constants cannot reference as a static field of their own class. */
    private static final class Constants {
        static final int QK_K = 256;
    }

    private static final GgmlType[] BY_ID = new GgmlType[64];

    static {
        for (GgmlType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final int blockSize;
    private final int bytesPerBlock;

    GgmlType(int id, int blockSize, int bytesPerBlock) {
        this.id = id;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    /** The id stored in the file. */
    public int id() {
        return id;
    }

    /** Elements per block: 1 for plain types, 32 or 256 (or others) for quantized ones. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes one block takes. */
    public int bytesPerBlock() {
        return bytesPerBlock;
    }

    /** Whether the type packs several elements into blocks (every quantized type). */
    public boolean isQuantized() {
        return blockSize > 1;
    }

    /**
     * Bytes taken by {@code elements} consecutive elements, which must be a whole number of blocks.
     *
     * @throws IllegalArgumentException if {@code elements} is not a multiple of the block size
     * @throws ArithmeticException if the size does not fit in a long
     */
    public long byteSize(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(elements + " elements are not a whole number of " + this + " blocks of " + blockSize);
        }
        return Math.multiplyExact(elements / blockSize, (long) bytesPerBlock);
    }

    /** The type with the given on-disk id, or empty for an id ggml does not (or no longer) define. */
    public static Optional<GgmlType> fromId(int id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }
}
