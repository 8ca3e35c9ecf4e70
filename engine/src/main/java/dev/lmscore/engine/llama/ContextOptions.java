package dev.lmscore.engine.llama;

/**
 * Settings of an evaluation context. The defaults are llama-perplexity's, so that both tools
 * compute with the same attention kernel and cache precision (see SCORING-NOTES.md).
 *
 * @param contextSize   total KV cells (all sequences together)
 * @param batchSize     logical batch: tokens per llama_decode call
 * @param ubatchSize    physical batch
 * @param sequences     parallel sequences the context holds
 * @param threads       CPU threads for decoding (0: all available processors)
 * @param flashAttention flash attention: AUTO (llama.cpp default), ON or OFF
 * @param cacheType     KV cache precision: F16 (default) or F32 (exact)
 * @param unifiedCache  one KV buffer for all sequences (needed when sequences share cells)
 */
public record ContextOptions(int contextSize, int batchSize, int ubatchSize, int sequences, int threads,
                             FlashAttention flashAttention, CacheType cacheType, boolean unifiedCache) {

    public enum FlashAttention { AUTO, ON, OFF }

    public enum CacheType { F16, F32, Q8_0 }

    public ContextOptions {
        if (contextSize <= 0) throw new IllegalArgumentException("context size must be positive");
        if (batchSize <= 0 || ubatchSize <= 0) throw new IllegalArgumentException("batch sizes must be positive");
        if (sequences <= 0) throw new IllegalArgumentException("sequences must be positive");
        if (threads < 0) throw new IllegalArgumentException("threads must not be negative");
    }

    public static ContextOptions of(int contextSize, int batchSize, int sequences) {
        return new ContextOptions(contextSize, batchSize, 512, sequences, 0, FlashAttention.AUTO, CacheType.F16, false);
    }

    public int effectiveThreads() {
        return effectiveThreads(threads);
    }

    /** A thread count as given ({@code 0}: every core the JVM sees). */
    public static int effectiveThreads(int threads) {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public ContextOptions withThreads(int n) {
        return new ContextOptions(contextSize, batchSize, ubatchSize, sequences, n, flashAttention, cacheType, unifiedCache);
    }

    public ContextOptions withUbatch(int n) {
        return new ContextOptions(contextSize, batchSize, n, sequences, threads, flashAttention, cacheType, unifiedCache);
    }

    public ContextOptions withPrecision(FlashAttention fa, CacheType cache) {
        return new ContextOptions(contextSize, batchSize, ubatchSize, sequences, threads, fa, cache, unifiedCache);
    }

    public ContextOptions withUnifiedCache(boolean unified) {
        return new ContextOptions(contextSize, batchSize, ubatchSize, sequences, threads, flashAttention, cacheType, unified);
    }

    /** No flash attention and an F32 cache: llama.cpp then equals float64 math to about 5e-7. */
    public ContextOptions exact() {
        return withPrecision(FlashAttention.OFF, CacheType.F32);
    }
}
