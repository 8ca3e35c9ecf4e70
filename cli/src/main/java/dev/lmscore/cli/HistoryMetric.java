package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.history.RunRecord;
import java.util.List;
import java.util.TreeSet;

/**
 * Which recorded metric {@code lmscore history} and {@code lmscore plot} show. The history holds
 * perplexity and choice runs side by side, and they record different metrics, so without
 * {@code --metric} each run is shown by its primary metric: {@code ppl} for perplexity runs,
 * {@code acc} for choice runs, {@code mc2} for TruthfulQA mc2 runs (which have no single right
 * answer, hence no acc). A chart has one y axis, so it shows the latest run's primary metric.
 */
final class HistoryMetric {
    /** Tried in order; a run records at most one of them (perplexity: ppl; choice: acc or mc2). */
    private static final List<String> PRIMARY = List.of("ppl", "acc", "mc2");

    /** What the help of both commands says about the default. */
    static final String DEFAULT_HELP = "ppl for perplexity runs, acc for choice runs, mc2 for TruthfulQA mc2 runs";

    private HistoryMetric() {}

    /** The run's primary metric, or null for a run that records none of them. */
    static String primary(RunRecord run) {
        for (String name : PRIMARY) {
            if (run.metrics().containsKey(name)) return name;
        }
        return null;
    }

    /** The metric to show for one run: the requested one, else the run's primary metric (may be null). */
    static String forRun(RunRecord run, String requested) {
        return requested != null ? requested : primary(run);
    }

    /** The one metric a chart of {@code runs} shows: the requested one, else the latest run's primary metric. */
    static String forChart(List<RunRecord> runs, String requested) {
        if (runs.isEmpty()) {
            throw LmscoreException.badInput("no recorded runs match (record with: lmscore perplexity|choice --record ...)");
        }
        if (requested != null) {
            requireRecorded(runs, requested);
            return requested;
        }
        for (RunRecord run : runs.reversed()) {
            String name = primary(run);
            if (name != null) return name;
        }
        throw LmscoreException.badInput("the matching runs have no ppl, acc or mc2; choose one with --metric: " + recorded(runs));
    }

    /**
     * Refuses a metric that none of {@code runs} recorded, naming those they did: a typo should not
     * look like a column of missing values or an empty chart.
     */
    static void requireRecorded(List<RunRecord> runs, String metric) {
        if (runs.stream().anyMatch(r -> r.metrics().containsKey(metric))) return;
        throw LmscoreException.badInput("no recorded run has the metric '" + metric + "'; the matching runs have: " + recorded(runs));
    }

    static long countWith(List<RunRecord> runs, String metric) {
        return runs.stream().filter(r -> r.metrics().containsKey(metric)).count();
    }

    private static String recorded(List<RunRecord> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.metrics().keySet()));
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
