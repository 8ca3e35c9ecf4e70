package dev.lmscore.cli;

import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceMetrics;
import dev.lmscore.engine.choice.ChoiceResult;
import dev.lmscore.engine.choice.ChoiceRun;
import dev.lmscore.engine.choice.ChoiceScores;
import dev.lmscore.engine.choice.ChoiceSummary;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ItemResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a choice-scoring run for people and for machines. */
final class ChoiceReport {
    private ChoiceReport() {}

    /**
     * The scoring part of a choice report, from the task, metrics and decode figures to the per-item
     * records that {@code lmscore merge} recomputes the metrics from. Written alike for a run, a
     * shard, a partial run and a merge of shards.
     *
     * @param taskItems the task's items before any were skipped or sharded out
     */
    static Map<String, Object> results(ChoiceTask task, int taskItems, Path file, ChoiceRun run) {
        ChoiceSummary summary = ChoiceSummary.of(task.kind(), run.results());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task(task, taskItems, file, run));
        m.put("n", summary.n());
        m.put("metrics", metrics(summary));
        // nothing to score when a run is stopped before its first group
        m.put("metrics_with_intervals", run.results().isEmpty() ? null : intervals(task, run.results()));
        m.put("decode", decode(run));
        m.put("timings", timings(run));
        m.put("item_scores", run.results().stream().map(ChoiceItemRecord::withItem).toList());
        return m;
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

    static Map<String, Object> metrics(ChoiceSummary summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        summary.metrics().forEach((name, e) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", e.value());
            v.put("stderr", e.stderr());
            m.put(name, v);
        });
        return m;
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

    /** Metrics in percent, as llama-perplexity prints its HellaSwag score ({@code acc_llamacpp = 24.0000}). */
    static String toText(ChoiceTask task, Path file, ChoiceRun run, ChoiceSummary summary) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s (%s): %d items, %s%n", task.name(), file.getFileName(), summary.n(),
                task.kind().name().toLowerCase().replace('_', ' ')));
        summary.metrics().forEach((name, e) -> s.append(String.format("  %-12s = %.4f +/- %.4f %%%n", name,
                100 * e.value(), 100 * e.stderr())));
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

    /**
     * lm-evaluation-harness style metrics with 95% Wilson intervals, and per-group (e.g. MMLU
     * subject) values with their micro and macro averages.
     */
    static Map<String, Object> intervals(ChoiceTask task, List<ItemResult> results) {
        List<List<ChoiceResult>> perItem = new ArrayList<>();
        for (ItemResult r : results) {
            List<ChoiceResult> choices = new ArrayList<>();
            for (int i = 0; i < r.choices(); i++) {
                choices.add(new ChoiceResult(r.logLikelihoods()[i], r.tokenCounts()[i], r.greedy()[i]));
            }
            perItem.add(choices);
        }
        List<ChoiceItem> items = new ArrayList<>();
        for (ItemResult r : results) {
            items.add(r.item());
        }
        ChoiceTask scored = new ChoiceTask(task.name(), task.kind(), items, task.format(), task.targetDelimiter(),
                task.loadReport());
        ChoiceScores scores = ChoiceMetrics.score(scored, perItem);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metrics", scores.metrics());
        m.put("groups", scores.groups());
        m.put("unscored", scores.unscored());
        return m;
    }
}
