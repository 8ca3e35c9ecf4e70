package dev.lmscore.cli;

import dev.lmscore.engine.history.Metric;
import dev.lmscore.engine.history.RunRecorder;
import dev.lmscore.engine.perplexity.PerplexityResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A perplexity result as a history record: its headline metrics with their errors. */
final class PerplexityHistory {
    private PerplexityHistory() {}

    static long record(Path database, Path model, Path dataset, Map<String, Object> settings, PerplexityResult r) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("ppl", new Metric(r.perplexity(), r.perplexityError()));
        metrics.put("nll", new Metric(r.total().mean(), r.total().meanError()));
        metrics.put("bits_per_byte", Metric.of(r.bitsPerByte()));
        metrics.put("byte_perplexity", Metric.of(r.bytePerplexity()));
        metrics.put("top1_accuracy", Metric.of(r.top1Accuracy()));
        metrics.put("scored_tokens", Metric.of(r.total().count()));
        return RunRecorder.record(database, "perplexity", model, dataset, Json.write(settings), metrics);
    }
}
