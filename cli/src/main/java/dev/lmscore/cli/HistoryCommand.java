package dev.lmscore.cli;

import dev.lmscore.engine.history.HistoryStore;
import dev.lmscore.engine.history.Metric;
import dev.lmscore.engine.history.RunRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmscore history}: recorded runs and a metric's trend across checkpoints. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs recorded with --record, oldest first, each with a metric and its change since the previous",
                "run of the same command (perplexity, choice:<task>) on the same dataset."})
final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--model-name", paramLabel = "NAME", description = "Only runs of this model (file name without .gguf).")
    String modelName;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only runs on this dataset (file name).")
    String dataset;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Metric to show (e.g. ppl, bits_per_byte, acc, acc_norm). Default: each run's own: "
                    + HistoryMetric.DEFAULT_HELP + ".")
    String metric;

    @Option(names = "--history-db", paramLabel = "FILE", description = "History database (default as for --record).")
    java.nio.file.Path database;

    @Option(names = "--json", description = "Print the runs as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<RunRecord> runs;
        try (HistoryStore store = HistoryStore.open(HistoryStore.defaultLocation(database))) {
            runs = store.runs(modelName, dataset);
        }
        if (metric != null && !runs.isEmpty()) HistoryMetric.requireRecorded(runs, metric);
        if (json) {
            System.out.println(Json.write(runs.stream().map(HistoryCommand::toJson).toList()));
        } else if (runs.isEmpty()) {
            System.out.println("no recorded runs" + (modelName != null || dataset != null ? " match" : "")
                    + " (record with: lmscore perplexity|choice --record ...)");
        } else {
            printTable(runs);
        }
        return 0;
    }

    private void printTable(List<RunRecord> runs) {
        // without --metric each row names its own (ppl, acc or mc2): six characters suffice
        String row = "%4s  %-19s  %-28s  %-8s  %-22s  %-" + Math.max(6, metric == null ? 0 : metric.length()) + "s  %22s  %10s%n";
        System.out.printf(row, "id", "time", "model", "quant", "dataset", "metric", "value", "change");
        // change: since the previous run of the same command (perplexity, choice:<task>) on the same dataset
        Map<String, Metric> previous = new HashMap<>();
        for (RunRecord r : runs) {
            String name = HistoryMetric.forRun(r, metric);
            Metric m = name == null ? null : r.metrics().get(name);
            String value = m == null ? "-" : Double.isNaN(m.error()) ? String.format("%.5g", m.value())
                    : String.format("%.5g ± %.3g", m.value(), m.error());
            String series = r.command() + "\0" + r.datasetName() + "\0" + name;
            Metric before = previous.get(series);
            String change = m == null || before == null ? "" : String.format("%+.4g", m.value() - before.value());
            if (m != null) previous.put(series, m);
            System.out.printf(row, r.id(), r.time().toString().substring(0, 19), clip(r.modelName(), 28),
                    clip(String.valueOf(r.quantization()), 8), clip(r.datasetName(), 22), name == null ? "-" : name, value, change);
        }
    }

    private static Map<String, Object> toJson(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("time", r.time().toString());
        m.put("command", r.command());
        m.put("model_name", r.modelName());
        m.put("model_sha256", r.modelSha256());
        m.put("quantization", r.quantization());
        m.put("dataset", r.datasetName());
        m.put("dataset_sha256", r.datasetSha256());
        m.put("settings", r.settingsJson());
        m.put("primary_metric", HistoryMetric.primary(r));
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, Double.isNaN(v.error()) ? v.value() : Map.of("value", v.value(), "error", v.error())));
        m.put("metrics", metrics);
        return m;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
