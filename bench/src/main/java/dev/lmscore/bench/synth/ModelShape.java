package dev.lmscore.bench.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sizes of the synthetic llama-architecture models, modelled on real ones so that benchmarks
 * on them cost what the real models cost: {@code 135m} is shaped like SmolLM-135M, {@code 1b} like
 * Llama-3.2-1B, {@code 8b} like Llama-3.1-8B. {@code tiny} is for tests. Every width is a multiple
 * of 32, so every matrix can be stored as Q8_0.
 */
public enum ModelShape {
    TINY("tiny", 2, 64, 4, 2, 192, 2048, 10_000f, false),
    SMOL_135M("135m", 30, 576, 9, 3, 1536, 2048, 10_000f, true),
    LLAMA_1B("1b", 16, 2048, 32, 8, 8192, 4096, 500_000f, true),
    LLAMA_8B("8b", 32, 4096, 32, 8, 14336, 4096, 500_000f, false);

    private final String id;
    private final int blocks;
    private final int width;
    private final int heads;
    private final int kvHeads;
    private final int feedForward;
    private final int contextLength;
    private final float ropeFreqBase;
    private final boolean tiedEmbeddings;

    ModelShape(String id, int blocks, int width, int heads, int kvHeads, int feedForward, int contextLength,
               float ropeFreqBase, boolean tiedEmbeddings) {
        this.id = id;
        this.blocks = blocks;
        this.width = width;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.feedForward = feedForward;
        this.contextLength = contextLength;
        this.ropeFreqBase = ropeFreqBase;
        this.tiedEmbeddings = tiedEmbeddings;
    }

    /** The name used on the command line and in file names: tiny, 135m, 1b, 8b. */
    public String id() { return id; }
    /** Transformer blocks (layers). */
    public int blocks() { return blocks; }
    /** Width of the residual stream (embedding length). */
    public int width() { return width; }
    /** Query heads. */
    public int heads() { return heads; }
    /** Key/value heads (grouped-query attention). */
    public int kvHeads() { return kvHeads; }
    /** Hidden size of the feed-forward layers. */
    public int feedForward() { return feedForward; }
    /** The context length written to the metadata. */
    public int contextLength() { return contextLength; }
    public float ropeFreqBase() { return ropeFreqBase; }
    /** Whether the output projection reuses the token embedding (no separate output tensor), as in SmolLM and Llama 3.2. */
    public boolean tiedEmbeddings() { return tiedEmbeddings; }

    public int headDimension() {
        return width / heads;
    }

    /** Width of the key and value projections. */
    public int kvWidth() {
        return headDimension() * kvHeads;
    }

    /** Weights of a model of this shape over a vocabulary of {@code vocabularySize} tokens. */
    public long parameterCount(long vocabularySize) {
        long attention = 2L * width * width + 2L * width * kvWidth();
        long feedForwardWeights = 3L * width * feedForward;
        long perBlock = attention + feedForwardWeights + 2L * width;
        long embeddings = (tiedEmbeddings ? 1 : 2) * vocabularySize * width;
        return blocks * perBlock + embeddings + width;
    }

    /**
     * The shape named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known shapes
     */
    public static ModelShape fromId(String id) {
        for (ModelShape s : values()) {
            if (s.id.equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + id + "'; known: " + ids());
    }

    /** The known ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(ModelShape::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
