package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;
import dev.lmscore.engine.perplexity.PerplexityOptions;
import dev.lmscore.engine.perplexity.PerplexityResult;
import dev.lmscore.engine.perplexity.WindowScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Merges the reports of the shards of one perplexity run: per file, the shards' per-chunk sums in
 * chunk order, from which the totals are recomputed exactly as one run computes them.
 */
final class PerplexityMerge {
    private PerplexityMerge() {}

    static MergeCommand.Merged merge(ShardSet set) {
        for (JsonNode report : set.reports()) {
            if (!report.path("results").isArray()) {
                throw LmscoreException.badInput("shard " + ShardSet.shardName(report) + " has no per-file results");
            }
        }
        JsonNode first = set.reports().get(0);
        Map<String, Object> report = set.mergedHeader();
        List<Map<String, Object>> results = new ArrayList<>();
        report.put("results", results);
        StringBuilder text = new StringBuilder();
        PerplexityOptions options = options(first.get("settings"));
        int files = first.get("results").size();
        for (int f = 0; f < files; f++) {
            PerplexityResult merged = mergeFile(set, f, options);
            Path file = Path.of(first.get("results").get(f).get("file").asText());
            results.add(PerplexityReport.toMap(file, merged));
            text.append(PerplexityReport.toText(file, merged));
        }
        return new MergeCommand.Merged(report, text.toString());
    }

    private static PerplexityResult mergeFile(ShardSet set, int file, PerplexityOptions options) {
        List<WindowScore> windows = new ArrayList<>();
        int planned = 0;
        double tokenizeMillis = 0;
        double scoreMillis = 0;
        JsonNode any = null;
        for (JsonNode report : set.reports()) {
            JsonNode r = report.get("results").get(file);
            if (r == null) {
                throw LmscoreException.badInput("shard " + ShardSet.shardName(report) + " has no result for file "
                        + (file + 1) + " (a shard that stopped early?)");
            }
            any = r;
            windows.addAll(PerplexityReport.parseChunkScores(r.get("chunk_scores"), "shard " + ShardSet.shardName(report)));
            planned += r.get("chunks_planned").asInt();
            tokenizeMillis = Math.max(tokenizeMillis, r.at("/timings/tokenize_ms").asDouble());
            scoreMillis += r.at("/timings/score_ms").asDouble();
        }
        windows.sort(Comparator.comparingInt(WindowScore::window));
        int textTokens = any.path("text_tokens").isNumber() ? any.get("text_tokens").asInt() : -1; // null: a prefix
        return new PerplexityResult(options, any.get("sequences_per_decode").asInt(), any.get("text_bytes").asLong(),
                textTokens, any.get("chunks_total").asInt(), planned, List.copyOf(windows),
                any.path("text_words").asLong(0), tokenizeMillis, scoreMillis);
    }

    private static PerplexityOptions options(JsonNode s) {
        PerplexityOptions.Mode mode = PerplexityOptions.Mode.valueOf(s.get("mode").asText().toUpperCase());
        return new PerplexityOptions(mode, s.get("context_size").asInt(), s.get("batch_size").asInt(),
                s.get("ubatch_size").asInt(), s.get("threads").asInt(), s.get("max_chunks").asInt(),
                s.path("stride").asInt(0), FlashAttention.valueOf(s.get("flash_attention").asText().toUpperCase()),
                CacheType.valueOf(s.get("cache_type").asText().toUpperCase()), s.path("pipelined").asBoolean(false));
    }
}
