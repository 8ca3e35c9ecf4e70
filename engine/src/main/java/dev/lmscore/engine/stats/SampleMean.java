package dev.lmscore.engine.stats;

/**
 * The mean of real-valued observations (e.g. TruthfulQA mc2's per-item probability mass) with its
 * standard error {@code s/sqrt(n)}, where s is the sample standard deviation (n−1 denominator), as
 * lm-evaluation-harness's {@code mean_stderr} computes it.
 */
public record SampleMean(double mean, double standardError, long count) {

    /** The mean and standard error of {@code values}; NaN fields where undefined (n = 0, or n = 1 for the error). */
    public static SampleMean of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new SampleMean(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new SampleMean(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new SampleMean(mean, Math.sqrt(squares / (n - 1)) / Math.sqrt(n), n);
    }

    /** The normal-approximation 95% interval {@code mean ± 1.96·se}. */
    public Interval normal95() {
        return Interval.normal(mean, standardError, Proportion.Z_95);
    }
}
