package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.stats.NllStats;
import java.util.List;

/**
 * The outcome of a perplexity run, or of one shard of it. Token perplexity depends on the
 * tokenizer; bits per byte (and byte/word perplexity when every token of the text is scored) do not.
 * Totals are sums over {@link #windows()} in window order, so results assembled from checkpoints
 * or shards equal those of one uninterrupted run exactly.
 *
 * @param textTokens     tokens of the whole text; -1 when a run limited to its first chunks tokenized
 *                       only as far as they reach
 * @param totalWindows   chunks/windows in the whole run's plan
 * @param plannedWindows chunks/windows this run (or shard) set out to score
 * @param windows        per window scores, in window order
 * @param words          whitespace-separated words of the text
 * @param tokenizeMillis time spent tokenizing
 * @param scoreMillis    time spent decoding and scoring
 */
public record PerplexityResult(PerplexityOptions options, int sequences, long textBytes, int textTokens,
                               int totalWindows, int plannedWindows, List<WindowScore> windows, long words,
                               double tokenizeMillis, double scoreMillis) {

    public NllStats total() {
        NllStats total = NllStats.EMPTY;
        for (WindowScore w : windows) {
            total = total.plus(w.nll());
        }
        return total;
    }

    /** Whether every token of the text was scored (ROLLING over all windows). */
    public boolean coversWholeText() {
        return options.mode() == PerplexityOptions.Mode.ROLLING && windows.size() == totalWindows
                && options.maxWindows() == 0;
    }

    /**
     * UTF-8 bytes the NLL is normalised by: the scored tokens' bytes, or the text's own bytes when
     * every token is scored (token pieces would count the space SentencePiece adds in front).
     */
    public long scoredBytes() {
        if (coversWholeText()) {
            return textBytes;
        }
        long bytes = 0;
        for (WindowScore w : windows) {
            bytes += w.bytes();
        }
        return bytes;
    }

    public long top1() {
        long top1 = 0;
        for (WindowScore w : windows) {
            top1 += w.top1();
        }
        return top1;
    }

    /** Whether the user stopped the run before all planned windows were scored. */
    public boolean interrupted() {
        return windows.size() < plannedWindows;
    }

    public double perplexity() {
        return total().perplexity();
    }

    public double perplexityError() {
        return total().perplexityError();
    }

    public double bitsPerByte() {
        return total().sum() / scoredBytes() / Math.log(2);
    }

    public double bytePerplexity() {
        return Math.exp(total().sum() / scoredBytes());
    }

    /** Word perplexity over the whole text: only when every token is scored. */
    public double wordPerplexity() {
        return coversWholeText() && words > 0 ? Math.exp(total().sum() / words) : Double.NaN;
    }

    public double top1Accuracy() {
        return (double) top1() / total().count();
    }

    /** Scored tokens per second of decode-and-score time. */
    public double tokensPerSecond() {
        return total().count() / (scoreMillis / 1000.0);
    }
}
