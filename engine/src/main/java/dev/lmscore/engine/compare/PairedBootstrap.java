package dev.lmscore.engine.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of a difference of ratios: units (chunks, items) are resampled with
 * replacement, the same units for both runs, and the statistic Σ(a−b)/Σw recomputed; the
 * percentile interval of the resampled statistics is the confidence interval. Pairing keeps the
 * units' shared difficulty out of the interval, which is why it is much narrower than comparing
 * two independent errors.
 *
 * @param a       per-unit sums of run A (e.g. NLL sums, or 1 for a correct item)
 * @param b       per-unit sums of run B
 * @param weights per-unit counts (scored tokens, or 1 per item)
 */
public record PairedBootstrap(double[] a, double[] b, double[] weights) {

    public record Result(double difference, double low, double high, double standardError, int resamples) {
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    public PairedBootstrap {
        if (a.length != b.length || a.length != weights.length || a.length == 0) {
            throw new IllegalArgumentException("paired samples must be non-empty and of equal length");
        }
    }

    /** The observed difference mean(A) − mean(B), weighted. */
    public double difference() {
        double d = 0, w = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] - b[i];
            w += weights[i];
        }
        return d / w;
    }

    /**
     * Standard error of the weighted mean difference from the per-unit differences (the
     * ratio-estimator linearization): what the minimum detectable effect is built on.
     */
    public double standardError() {
        int n = a.length;
        double mean = difference();
        double w = 0;
        for (double x : weights) w += x;
        double wBar = w / n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = (a[i] - b[i]) - mean * weights[i];
            s += r * r;
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1) / n) / wBar;
    }

    public Result run(int resamples, double alpha, long seed) {
        int n = a.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double d = 0, w = 0;
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                d += a[k] - b[k];
                w += weights[k];
            }
            stats[r] = d / w;
        }
        Arrays.sort(stats);
        double mean = 0;
        for (double s : stats) mean += s;
        mean /= resamples;
        double var = 0;
        for (double s : stats) var += (s - mean) * (s - mean);
        double se = Math.sqrt(var / Math.max(1, resamples - 1));
        return new Result(difference(), quantile(stats, alpha / 2), quantile(stats, 1 - alpha / 2), se, resamples);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
