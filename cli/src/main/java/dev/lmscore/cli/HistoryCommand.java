package dev.lmscore.cli;

import dev.lmscore.engine.history.HistoryStore;
import dev.lmscore.engine.history.Metric;
import dev.lmscore.engine.history.RunRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lmscore history}: recorded runs and a metric's trend across checkpoints. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs recorded with --record, oldest first, with a metric and its change since the previous run on the same dataset.")
final class HistoryCommand implements Callable<Integer> {
    @Option(names = "--model-name", paramLabel = "NAME", description = "Only runs of this model (file name without .gguf).")
    String modelName;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only runs on this dataset (file name).")
    String dataset;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "ppl", description = "Metric to show. Default: ${DEFAULT-VALUE}.")
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
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (RunRecord r : runs) {
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
                Map<String, Object> metrics = new LinkedHashMap<>();
                r.metrics().forEach((k, v) -> metrics.put(k, Double.isNaN(v.error()) ? v.value() : Map.of("value", v.value(), "error", v.error())));
                m.put("metrics", metrics);
                out.add(m);
            }
            System.out.println(Json.write(out));
            return 0;
        }
        if (runs.isEmpty()) {
            System.out.println("no recorded runs" + (modelName != null || dataset != null ? " match" : "")
                    + " (record with: lmscore perplexity --record ...)");
            return 0;
        }
        System.out.printf("%4s  %-20s  %-28s  %-8s  %-18s  %22s  %10s%n", "id", "time", "model", "quant", "dataset", metric, "change");
        Map<String, Metric> previous = new HashMap<>();
        for (RunRecord r : runs) {
            Metric m = r.metrics().get(metric);
            String value = m == null ? "-" : Double.isNaN(m.error()) ? String.format("%.5g", m.value())
                    : String.format("%.5g ± %.3g", m.value(), m.error());
            Metric before = previous.get(r.datasetName());
            String change = m == null || before == null ? "" : String.format("%+.4g", m.value() - before.value());
            if (m != null) previous.put(r.datasetName(), m);
            System.out.printf("%4d  %-20s  %-28s  %-8s  %-18s  %22s  %10s%n", r.id(), r.time().toString().substring(0, 19),
                    clip(r.modelName(), 28), clip(String.valueOf(r.quantization()), 8), clip(r.datasetName(), 18), value, change);
        }
        return 0;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
