package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.stats.NllStats;
import java.util.List;

/**
 * The outcome of a perplexity run. Token perplexity depends on the tokenizer; bits per byte (and
 * byte/word perplexity in ROLLING mode, where every token is scored) do not.
 *
 * @param textTokens     tokens of the whole text
 * @param total          NLL sums over all scored tokens
 * @param scoredBytes    UTF-8 bytes of the scored tokens' text
 * @param top1           scored tokens that were the model's top prediction
 * @param windowStats    per window (chunk) sums, in text order: for paired comparisons and merging
 * @param words          ROLLING: whitespace-separated words of the text; else 0
 * @param tokenizeMillis time spent tokenizing
 * @param scoreMillis    time spent decoding and scoring
 */
public record PerplexityResult(PerplexityOptions options, int sequences, long textBytes, int textTokens,
                               NllStats total, long scoredBytes, long top1, List<NllStats> windowStats,
                               long words, double tokenizeMillis, double scoreMillis) {

    public double perplexity() {
        return total.perplexity();
    }

    public double perplexityError() {
        return total.perplexityError();
    }

    public double bitsPerByte() {
        return total.sum() / scoredBytes / Math.log(2);
    }

    public double bytePerplexity() {
        return Math.exp(total.sum() / scoredBytes);
    }

    /** Word perplexity over the whole text: meaningful in ROLLING mode only. */
    public double wordPerplexity() {
        return words == 0 ? Double.NaN : Math.exp(total.sum() / words);
    }

    public double top1Accuracy() {
        return (double) top1 / total.count();
    }

    /** Scored tokens per second of decode-and-score time. */
    public double tokensPerSecond() {
        return total.count() / (scoreMillis / 1000.0);
    }
}
