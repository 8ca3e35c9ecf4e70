package dev.lmscore.bench.regress;

import java.util.Map;
import java.util.Optional;

/**
 * Puts JMH scores on one scale per kind, so that a baseline taken with {@code -tu ms} compares with
 * a run taken in seconds: throughputs ({@code ops/s}, {@code ops/ms}, ...) become operations per
 * second, times ({@code ms/op}, {@code ns/op}, ...) seconds per operation. Which way is better
 * follows from the kind: more operations per second, fewer seconds per operation.
 */
record ScoreScale(Kind kind, double toBase) {
    enum Kind { RATE, TIME }

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

    /** Scale of a unit such as {@code ops/s} or {@code us/op}; empty when the unit is not one of JMH's. */
    static Optional<ScoreScale> of(String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String left = unit.substring(0, slash);
        String right = unit.substring(slash + 1);
        if (left.equals("ops") && SECONDS.containsKey(right)) {
            return Optional.of(new ScoreScale(Kind.RATE, 1 / SECONDS.get(right)));
        }
        if (right.equals("op") && SECONDS.containsKey(left)) {
            return Optional.of(new ScoreScale(Kind.TIME, SECONDS.get(left)));
        }
        return Optional.empty();
    }

    /**
     * The kind JMH's mode implies when the unit says nothing JMH-like: throughput is a rate; average,
     * sample and single-shot times are times.
     */
    static Kind kindOfMode(String mode) {
        return mode.equals("thrpt") ? Kind.RATE : Kind.TIME;
    }
}
