package dev.lmscore.engine.choice;

import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;

/**
 * Settings of a choice-scoring run.
 *
 * @param contextSize  KV cells of one decode group: items are packed into groups of at most this
 *                     many decoded tokens, and an item needing more does not fit
 * @param batchSize    tokens per llama_decode; a group larger than this is decoded in slices
 * @param ubatchSize   physical batch
 * @param maxSequences sequence ids per group (one per choice); llama.cpp allows 256
 * @param threads      CPU threads (0: all processors)
 * @param addBos       prepend BOS when the vocabulary adds it
 * @param tokenization harness or llama-perplexity conventions ({@link Tokenization#forTask})
 * @param skipTooLong  skip (and count) items that do not fit instead of failing
 */
public record ChoiceOptions(int contextSize, int batchSize, int ubatchSize, int maxSequences, int threads,
                            FlashAttention flashAttention, CacheType cacheType, boolean addBos,
                            Tokenization tokenization, boolean skipTooLong) {

    /** llama.cpp's most sequences per context. */
    public static final int MAX_SEQUENCES = 256;

    /**
     * Tokens packed into one decode group: the physical batch, not the whole context. llama.cpp
     * computes a batch one ubatch at a time anyway, and every token attends over (or at least
     * scans the mask of) all cells in use, so a group that fills the whole context costs work
     * growing with the square of its size; a group of one ubatch keeps that small. An item larger
     * than this gets a group of its own (up to the context size).
     */
    public int groupTokens() {
        return Math.min(contextSize, ubatchSize);
    }

    public static ChoiceOptions defaults() {
        return new ChoiceOptions(2048, 2048, 512, MAX_SEQUENCES, 0, FlashAttention.AUTO, CacheType.F16, true,
                Tokenization.LM_EVAL, false);
    }

    public ChoiceOptions withContext(int cells, int batch) {
        return new ChoiceOptions(cells, batch, ubatchSize, maxSequences, threads, flashAttention, cacheType, addBos,
                tokenization, skipTooLong);
    }

    public ChoiceOptions withUbatch(int n) {
        return new ChoiceOptions(contextSize, batchSize, n, maxSequences, threads, flashAttention, cacheType, addBos,
                tokenization, skipTooLong);
    }

    public ChoiceOptions withMaxSequences(int n) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, n, threads, flashAttention, cacheType, addBos,
                tokenization, skipTooLong);
    }

    public ChoiceOptions withThreads(int n) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, maxSequences, n, flashAttention, cacheType, addBos,
                tokenization, skipTooLong);
    }

    public ChoiceOptions withPrecision(FlashAttention fa, CacheType cache) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, maxSequences, threads, fa, cache, addBos,
                tokenization, skipTooLong);
    }

    /** No flash attention and an F32 KV cache: equal to float64 math to about 5e-7. */
    public ChoiceOptions exact() {
        return withPrecision(FlashAttention.OFF, CacheType.F32);
    }

    public ChoiceOptions withBos(boolean add) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, maxSequences, threads, flashAttention, cacheType, add,
                tokenization, skipTooLong);
    }

    public ChoiceOptions withTokenization(Tokenization t) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, maxSequences, threads, flashAttention, cacheType,
                addBos, t, skipTooLong);
    }

    public ChoiceOptions withSkipTooLong(boolean skip) {
        return new ChoiceOptions(contextSize, batchSize, ubatchSize, maxSequences, threads, flashAttention, cacheType,
                addBos, tokenization, skip);
    }
}
