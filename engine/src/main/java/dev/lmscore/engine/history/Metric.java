package dev.lmscore.engine.history;

/** A recorded figure and its standard error (NaN when it has none). */
public record Metric(double value, double error) {
    public static Metric of(double value) {
        return new Metric(value, Double.NaN);
    }
}
