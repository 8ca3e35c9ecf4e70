package dev.lmscore.bench.jmh;

/**
 * A JMH score: the mean, the half-width of its 99.9% confidence interval (NaN when JMH could not
 * compute one, e.g. from a single iteration) and its unit ({@code ops/s}, {@code ms/op}, ...).
 */
public record Metric(double score, double error, String unit) {
    /** The error, or 0 when JMH reported none. */
    public double errorOrZero() {
        return Double.isFinite(error) ? error : 0;
    }
}
