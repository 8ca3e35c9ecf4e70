package dev.lmscore.cli;

import dev.lmscore.engine.choice.ChoiceMetrics;
import dev.lmscore.engine.choice.ChoiceRun;
import dev.lmscore.engine.choice.ChoiceScores;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.GroupedMetric;
import dev.lmscore.engine.choice.MetricValue;
import dev.lmscore.engine.history.Metric;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a choice-scoring run for people and for machines; every figure comes from {@link ChoiceScores}. */
final class ChoiceReport {
    private ChoiceReport() {}

    /**
     * The scoring part of a choice report, from the task, metrics and decode figures to the per-item
     * records that {@code lmscore merge} recomputes the metrics from. Written alike for a run, a
     * shard, a partial run and a merge of shards.
     *
     * @param taskItems     the task's items before any were skipped or sharded out
     * @param unconditional the run of {@link ChoiceTask#unconditional()} for mutual information, or null
     */
    static Map<String, Object> results(ChoiceTask task, int taskItems, Path file, ChoiceRun run, ChoiceRun unconditional) {
        ChoiceScores scores = scores(task, run, unconditional);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task(task, taskItems, file, run));
        m.put("n", run.results().size());
        m.put("metrics", scores == null ? Map.of() : metrics(scores)); // none when stopped before the first group
        if (scores != null && !scores.groups().isEmpty()) {
            m.put("groups", groups(scores));
        }
        m.put("decode", decode(run));
        m.put("timings", timings(run));
        m.put("item_scores", run.results().stream().map(ChoiceItemRecord::withItem).toList());
        return m;
    }

    /** The run's metrics, or null when it scored nothing (stopped before its first group). */
    static ChoiceScores scores(ChoiceTask task, ChoiceRun run, ChoiceRun unconditional) {
        return run.results().isEmpty() ? null : ChoiceMetrics.score(task, run, unconditional);
    }

    static Map<String, Object> task(ChoiceTask task, int taskItems, Path file, ChoiceRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", task.name());
        m.put("kind", task.kind().name().toLowerCase());
        m.put("file", file.toString());
        m.put("format", task.format());
        m.put("target_delimiter", task.targetDelimiter());
        m.put("items", taskItems);
        m.put("planned", run.plannedItems());
        m.put("scored", run.results().size());
        m.put("recovered", run.recoveredItems());
        m.put("skipped", run.skipped().size());
        m.put("skipped_ids", run.skipped());
        return m;
    }

    /** Each metric: value, standard error, 95% interval (Wilson for accuracies) and item count. */
    static Map<String, Object> metrics(ChoiceScores scores) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (MetricValue v : scores.metrics()) {
            m.put(v.name(), metric(v));
        }
        return m;
    }

    /** Per group (MMLU subject): each metric within each group, and its micro and macro averages. */
    static Map<String, Object> groups(ChoiceScores scores) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (GroupedMetric g : scores == null ? List.<GroupedMetric>of() : scores.groups()) {
            Map<String, Object> byGroup = new LinkedHashMap<>();
            g.byGroup().forEach((group, v) -> byGroup.put(group, metric(v)));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("micro", metric(g.micro()));
            one.put("macro", metric(g.macro()));
            one.put("groups", byGroup);
            m.put(g.metric(), one);
        }
        return m;
    }

    private static Map<String, Object> metric(MetricValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("stderr", v.standardError());
        m.put("ci95", new double[] {v.interval95().low(), v.interval95().high()});
        m.put("n", v.count());
        return m;
    }

    /** The metrics as the results history stores them. */
    static Map<String, Metric> history(ChoiceScores scores) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (MetricValue v : scores.metrics()) {
            metrics.put(v.name(), new Metric(v.value(), v.standardError()));
        }
        metrics.put("items", Metric.of(scores.items().size()));
        return metrics;
    }

    static Map<String, Object> decode(ChoiceRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens_decoded", run.decodedTokens());
        m.put("tokens_in_pairs", run.pairTokens());
        m.put("saved_fraction", run.decodeSavings());
        m.put("groups", run.groups());
        m.put("decodes", run.decodes());
        return m;
    }

    static Map<String, Object> timings(ChoiceRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenize_ms", run.tokenizeMillis());
        m.put("score_ms", run.scoreMillis());
        m.put("items_per_second", run.itemsPerSecond());
        return m;
    }

    /**
     * Accuracies in percent, as llama-perplexity prints its HellaSwag score, with their standard
     * error and 95% interval; perplexities as they are.
     */
    static String toText(ChoiceTask task, Path file, ChoiceRun run, ChoiceScores scores) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s (%s): %d items, %s%n", task.name(), file.getFileName(), run.results().size(),
                task.kind().name().toLowerCase().replace('_', ' ')));
        for (MetricValue v : scores == null ? List.<MetricValue>of() : scores.metrics()) {
            boolean percent = !v.name().contains("perplexity");
            double scale = percent ? 100 : 1;
            s.append(String.format("  %-15s = %.4f +/- %.4f%s  [95%% CI %.4f, %.4f]%n", v.name(), scale * v.value(),
                    scale * v.standardError(), percent ? " %" : "", scale * v.interval95().low(),
                    scale * v.interval95().high()));
        }
        for (GroupedMetric g : scores == null ? List.<GroupedMetric>of() : scores.groups()) {
            s.append(String.format("  %-15s   over %d groups: micro %.4f %%, macro %.4f %%%n", g.metric(), g.byGroup().size(),
                    100 * g.micro().value(), 100 * g.macro().value()));
        }
        if (scores != null && scores.unscored() > 0) {
            s.append(String.format("  %d items without an answer were scored but not counted%n", scores.unscored()));
        }
        if (run.interrupted()) {
            s.append(String.format("  interrupted: %d of %d items scored%n", run.results().size(), run.plannedItems()));
        }
        if (!run.skipped().isEmpty()) {
            s.append(String.format("  skipped %d items that do not fit the context%n", run.skipped().size()));
        }
        s.append(String.format("  decoded %d tokens for %d in all (context, continuation) pairs: %.1f%% saved by "
                + "shared prefixes%n", run.decodedTokens(), run.pairTokens(), 100 * run.decodeSavings()));
        s.append(String.format("  %.1f items/s (%.2f s, %d decodes), tokenized in %.0f ms%n", run.itemsPerSecond(),
                run.scoreMillis() / 1000, run.decodes(), run.tokenizeMillis()));
        return s.toString();
    }
}
