package dev.lmscore.bench.regress;

import dev.lmscore.bench.jmh.JmhResult;

/**
 * One benchmark measured in the baseline and in the current run.
 *
 * @param baseline  the baseline's result
 * @param current   the current run's result
 * @param change    relative change of the score, (current − baseline) / baseline, in the baseline's
 *                  unit (positive: a higher number, whatever the mode)
 * @param worseBy   how much worse the current run is, as a fraction of the baseline (negative when
 *                  it is better): −change for throughput, +change for times
 * @param noise     the scores' combined error, sqrt(e_b² + e_c²), as a fraction of the baseline
 * @param verdict   what the check makes of it
 */
public record Comparison(JmhResult baseline, JmhResult current, double change, double worseBy, double noise,
                         Verdict verdict) {
    public boolean fails() {
        return verdict == Verdict.REGRESSION;
    }
}
