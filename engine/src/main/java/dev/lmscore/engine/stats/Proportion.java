package dev.lmscore.engine.stats;

/**
 * A proportion of successes among trials, e.g. an accuracy.
 *
 * <p>The standard error is {@code sqrt(p(1-p)/(n-1))}, which is what lm-evaluation-harness and
 * llama.cpp print (the sample standard deviation of 0/1 outcomes divided by {@code sqrt(n)}), so
 * our ± figures can be compared with theirs digit for digit. The confidence interval is Wilson's
 * score interval, which unlike {@code p ± 1.96·se} stays inside [0, 1] and behaves at p = 0 or 1.
 */
public record Proportion(long successes, long trials) {

    /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
    public static final double Z_95 = 1.959963984540054;

    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }

    /** The fraction of successes; NaN when there are no trials. */
    public double mean() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** {@code sqrt(p(1-p)/(n-1))}; NaN with fewer than two trials. */
    public double standardError() {
        if (trials < 2) {
            return Double.NaN;
        }
        double p = mean();
        return Math.sqrt(p * (1 - p) / (trials - 1));
    }

    /** Wilson's 95% score interval. */
    public Interval wilson95() {
        return wilson(Z_95);
    }

    /**
     * Wilson's score interval for the given z (no continuity correction):
     * {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}. NaN bounds when there are no trials.
     */
    public Interval wilson(double z) {
        if (trials == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double n = trials;
        double p = mean();
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At p = 0 (or 1) the exact lower (upper) bound is 0 (1); computed, it is off by rounding.
        double low = successes == 0 ? 0 : center - halfWidth;
        double high = successes == trials ? 1 : center + halfWidth;
        return new Interval(low, high);
    }
}
