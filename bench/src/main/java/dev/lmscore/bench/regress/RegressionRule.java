package dev.lmscore.bench.regress;

import dev.lmscore.bench.jmh.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, benchmark by benchmark, whether a run is worse than its baseline.
 *
 * <p>A benchmark regresses when it is worse than the baseline by more than {@code tolerance} (a
 * fraction: 0.10 is 10%) <em>and</em> the difference is larger than the two scores' combined error
 * (sqrt of the sum of JMH's squared 99.9% error half-widths): a 12% drop with ±15% error bars is
 * noise, not a regression. "Worse" is a lower score in throughput mode and a higher one in the
 * time modes (avgt, sample, ss). Results are matched by benchmark, mode and parameters.
 */
public final class RegressionRule {
    private final double tolerance;

    public RegressionRule(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be a non-negative fraction, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Compares every baseline result with the current result of the same key. */
    public Report compare(List<JmhResult> baseline, List<JmhResult> current) {
        Map<String, JmhResult> now = new LinkedHashMap<>();
        for (JmhResult r : current) {
            now.put(r.key(), r);
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<JmhResult> missing = new ArrayList<>();
        for (JmhResult b : baseline) {
            JmhResult c = now.remove(b.key());
            if (c == null) {
                missing.add(b);
            } else {
                comparisons.add(compare(b, c));
            }
        }
        return new Report(comparisons, missing, List.copyOf(now.values()), tolerance);
    }

    Comparison compare(JmhResult baseline, JmhResult current) {
        String bUnit = baseline.primary().unit();
        String cUnit = current.primary().unit();
        Optional<ScoreScale> bScale = ScoreScale.of(bUnit);
        Optional<ScoreScale> cScale = ScoreScale.of(cUnit);
        double factor; // converts the current score into the baseline's unit
        ScoreScale.Kind kind;
        if (bUnit.equals(cUnit)) {
            factor = 1;
            kind = bScale.map(ScoreScale::kind).orElse(ScoreScale.kindOfMode(baseline.mode()));
        } else if (bScale.isPresent() && cScale.isPresent() && bScale.get().kind() == cScale.get().kind()) {
            factor = cScale.get().toBase() / bScale.get().toBase();
            kind = bScale.get().kind();
        } else {
            return new Comparison(baseline, current, Double.NaN, Double.NaN, Double.NaN, Verdict.INCOMPARABLE);
        }
        double b = baseline.primary().score();
        double c = current.primary().score() * factor;
        double change = (c - b) / b;
        double worseBy = kind == ScoreScale.Kind.RATE ? -change : change;
        double bError = baseline.primary().errorOrZero();
        double cError = current.primary().errorOrZero() * factor;
        double noise = Math.sqrt(bError * bError + cError * cError) / Math.abs(b);
        return new Comparison(baseline, current, change, worseBy, noise, verdict(worseBy, noise));
    }

    private Verdict verdict(double worseBy, double noise) {
        if (worseBy > tolerance) {
            return worseBy > noise ? Verdict.REGRESSION : Verdict.NOISE;
        }
        if (-worseBy > tolerance && -worseBy > noise) {
            return Verdict.FASTER;
        }
        return Verdict.OK;
    }

    /**
     * The outcome of a comparison.
     *
     * @param comparisons benchmarks in both runs, in baseline order
     * @param missing     baseline results the current run lacks (listed, not a failure)
     * @param added       current results the baseline lacks (listed, not a failure)
     */
    public record Report(List<Comparison> comparisons, List<JmhResult> missing, List<JmhResult> added, double tolerance) {
        public boolean passed() {
            return comparisons.stream().noneMatch(Comparison::fails);
        }

        public long regressions() {
            return comparisons.stream().filter(Comparison::fails).count();
        }
    }
}
