package dev.lmscore.engine.stats;

/** A closed interval [low, high], e.g. a 95% confidence interval. */
public record Interval(double low, double high) {

    /** The normal-approximation interval {@code center ± z·standardError}. */
    public static Interval normal(double center, double standardError, double z) {
        return new Interval(center - z * standardError, center + z * standardError);
    }

    /** Whether {@code x} lies inside the interval, ends included. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
