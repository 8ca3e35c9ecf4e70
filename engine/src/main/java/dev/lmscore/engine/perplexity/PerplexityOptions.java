package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;

/**
 * Settings of a perplexity run.
 *
 * @param mode        CHUNKED (llama-perplexity's definition) or ROLLING (every token scored)
 * @param contextSize tokens per window (llama-perplexity's {@code -c})
 * @param batchSize   tokens per decode; batchSize / contextSize windows are decoded together
 * @param ubatchSize  physical batch
 * @param threads     CPU threads (0: all processors)
 * @param maxWindows  stop after this many chunks/windows (0: all)
 * @param stride      ROLLING: tokens predicted per window (0: the context size, disjoint windows)
 * @param pipelined   score batch i on a scorer thread while batch i+1 decodes (same numbers)
 */
public record PerplexityOptions(Mode mode, int contextSize, int batchSize, int ubatchSize, int threads,
                                int maxWindows, int stride, FlashAttention flashAttention, CacheType cacheType,
                                boolean pipelined) {

    public enum Mode { CHUNKED, ROLLING }

    public static PerplexityOptions chunked(int contextSize) {
        return new PerplexityOptions(Mode.CHUNKED, contextSize, 2048, 512, 0, 0, 0, FlashAttention.AUTO, CacheType.F16, false);
    }

    public PerplexityOptions withMode(Mode m) {
        return new PerplexityOptions(m, contextSize, batchSize, ubatchSize, threads, maxWindows, stride, flashAttention, cacheType, pipelined);
    }

    public PerplexityOptions withBatch(int batch) {
        return new PerplexityOptions(mode, contextSize, batch, ubatchSize, threads, maxWindows, stride, flashAttention, cacheType, pipelined);
    }

    public PerplexityOptions withThreads(int n) {
        return new PerplexityOptions(mode, contextSize, batchSize, ubatchSize, n, maxWindows, stride, flashAttention, cacheType, pipelined);
    }

    public PerplexityOptions withMaxWindows(int n) {
        return new PerplexityOptions(mode, contextSize, batchSize, ubatchSize, threads, n, stride, flashAttention, cacheType, pipelined);
    }

    public PerplexityOptions withStride(int s) {
        return new PerplexityOptions(mode, contextSize, batchSize, ubatchSize, threads, maxWindows, s, flashAttention, cacheType, pipelined);
    }

    public PerplexityOptions withPrecision(FlashAttention fa, CacheType cache) {
        return new PerplexityOptions(mode, contextSize, batchSize, ubatchSize, threads, maxWindows, stride, fa, cache, pipelined);
    }

    public PerplexityOptions withPipeline(boolean on) {
        return new PerplexityOptions(mode, contextSize, batchSize, ubatchSize, threads, maxWindows, stride, flashAttention, cacheType, on);
    }

    public int effectiveStride() {
        return stride == 0 ? contextSize : stride;
    }

    /** Windows decoded side by side, as llama-perplexity computes it. */
    public int sequences() {
        return Math.max(1, batchSize / contextSize);
    }
}
