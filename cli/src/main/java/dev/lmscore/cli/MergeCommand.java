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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmscore merge}: combines the JSON reports of all shards of a run into the report one run
 * would have given. Totals are recomputed from the per-unit sums in unit order, so every number is
 * exactly that of a single run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combine the JSON reports of all shards (--shard I/N) of one run into one result.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHARD.json", arity = "1..*", description = "The shards' JSON reports, in any order.")
    List<Path> shards;

    @Option(names = "--json", description = "Print the merged result as JSON on stdout.")
    boolean json;

    @Mixin RunControlMixin control;

    @Override
    public Integer call() {
        if (control.checkpoint != null || control.resume || !control.shard.isWhole()) {
            throw LmscoreException.usage("merge takes only --json and --output");
        }
        control.validate();
        ShardSet set = ShardSet.read(shards);
        if (!set.command().equals("perplexity")) {
            throw LmscoreException.badInput("merging '" + set.command() + "' shards is not supported yet");
        }
        JsonNode first = set.reports().get(0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "perplexity");
        report.put("model", Json.MAPPER.convertValue(first.get("model"), Map.class));
        report.put("settings", Json.MAPPER.convertValue(first.get("settings"), Map.class));
        report.put("identity", Json.MAPPER.convertValue(first.get("identity"), Map.class));
        report.put("shard", Map.of("index", 0, "count", 1));
        report.put("merged_shards", set.count());
        report.put("interrupted", false);
        List<Map<String, Object>> results = new ArrayList<>();
        report.put("results", results);
        PerplexityOptions options = options(first.get("settings"));
        int files = first.get("results").size();
        for (int f = 0; f < files; f++) {
            PerplexityResult merged = mergeFile(set, f, options);
            Path file = Path.of(first.get("results").get(f).get("file").asText());
            results.add(PerplexityReport.toMap(file, merged));
            if (!json) {
                System.out.print(PerplexityReport.toText(file, merged));
            }
        }
        ReportOutput.emit(report, json, control, System.out);
        return 0;
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
                throw LmscoreException.badInput("shard " + report.at("/shard/index").asInt() + " has no result for file "
                        + (file + 1) + " (a shard that stopped early?)");
            }
            any = r;
            windows.addAll(PerplexityReport.parseChunkScores(r.get("chunk_scores"),
                    "shard " + report.at("/shard/index").asInt()));
            planned += r.get("chunks_planned").asInt();
            tokenizeMillis = Math.max(tokenizeMillis, r.at("/timings/tokenize_ms").asDouble());
            scoreMillis += r.at("/timings/score_ms").asDouble();
        }
        windows.sort(Comparator.comparingInt(WindowScore::window));
        return new PerplexityResult(options, any.get("sequences_per_decode").asInt(), any.get("text_bytes").asLong(),
                any.get("text_tokens").asInt(), any.get("chunks_total").asInt(), planned, List.copyOf(windows),
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
