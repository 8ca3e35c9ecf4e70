package dev.lmscore.engine.stats;

/**
 * Running sums of per-token negative log-likelihoods, and perplexity with its error exactly as
 * llama-perplexity reports them: {@code PPL = exp(mean)}, error =
 * {@code PPL * sqrt((mean(nll^2) - mean^2) / (N - 1))}. Mergeable, so shards and chunks combine.
 */
public record NllStats(long count, double sum, double sumSquares) {
    public static final NllStats EMPTY = new NllStats(0, 0, 0);

    public NllStats plus(NllStats other) {
        return new NllStats(count + other.count, sum + other.sum, sumSquares + other.sumSquares);
    }

    public double mean() {
        return sum / count;
    }

    /** Standard error of the mean NLL. */
    public double meanError() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double variance = sumSquares / count - mean * mean;
        return variance > 0 ? Math.sqrt(variance / (count - 1)) : 0;
    }

    public double perplexity() {
        return Math.exp(mean());
    }

    /** First-order (delta-method) error of the perplexity, as llama.cpp prints it. */
    public double perplexityError() {
        return perplexity() * meanError();
    }
}
