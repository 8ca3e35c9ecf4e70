package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceOptions;
import dev.lmscore.engine.choice.ChoiceRun;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ItemResult;
import dev.lmscore.engine.choice.LoadReport;
import dev.lmscore.engine.choice.ScoringKind;
import dev.lmscore.engine.choice.Tokenization;
import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the reports of the shards of one choice run. The shards' per-item records, in item order,
 * are turned back into items and results and reported by the code that reports a single run, so
 * every metric, standard error, interval and per-group value is exactly that run's; the records are
 * self-contained, so the task file need not be at hand.
 */
final class ChoiceMerge {
    private ChoiceMerge() {}

    static MergeCommand.Merged merge(ShardSet set) {
        JsonNode first = set.reports().get(0);
        TreeMap<Integer, JsonNode> records = new TreeMap<>();
        long decodedTokens = 0;
        long pairTokens = 0;
        long decodes = 0;
        int groups = 0;
        int planned = 0;
        int recovered = 0;
        double tokenizeMillis = 0;
        double scoreMillis = 0;
        for (JsonNode report : set.reports()) {
            String shard = "shard " + ShardSet.shardName(report);
            JsonNode itemScores = report.get("item_scores");
            if (itemScores == null || !itemScores.isArray() || !report.path("task").isObject()) {
                throw LmscoreException.badInput(shard + " has no per-item scores (item_scores)");
            }
            for (JsonNode record : itemScores) {
                int index = record.path("index").asInt(-1);
                if (index < 0) {
                    throw LmscoreException.badInput(shard + " has an item record without its index");
                }
                if (records.put(index, record) != null) {
                    throw LmscoreException.badInput("item " + record.path("id").asText() + " is in two shards");
                }
            }
            decodedTokens += report.at("/decode/tokens_decoded").asLong();
            pairTokens += report.at("/decode/tokens_in_pairs").asLong();
            decodes += report.at("/decode/decodes").asLong();
            groups += report.at("/decode/groups").asInt();
            planned += report.at("/task/planned").asInt();
            recovered += report.at("/task/recovered").asInt();
            // shards tokenize the whole task side by side, and decode their parts one after another
            tokenizeMillis = Math.max(tokenizeMillis, report.at("/timings/tokenize_ms").asDouble());
            scoreMillis += report.at("/timings/score_ms").asDouble();
        }

        JsonNode t = first.get("task");
        List<ChoiceItem> items = new ArrayList<>();
        List<ItemResult> results = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> e : records.entrySet()) {
            ChoiceItem item = ChoiceItemRecord.item(e.getValue(), "shard reports");
            items.add(item);
            results.add(ChoiceItemRecord.result(e.getValue(), item, e.getKey(), "shard reports"));
        }
        int taskItems = t.path("items").asInt();
        List<String> skipped = new ArrayList<>();
        t.path("skipped_ids").forEach(id -> skipped.add(id.asText()));
        if (results.size() != taskItems - skipped.size()) {
            throw LmscoreException.badInput("the shards hold " + results.size() + " scored items, but the task has "
                    + (taskItems - skipped.size()) + " to score");
        }
        ChoiceTask task = new ChoiceTask(t.path("name").asText(), kind(t.path("kind").asText()), items,
                t.path("format").asText(), t.path("target_delimiter").asText(" "), LoadReport.clean());
        ChoiceRun run = new ChoiceRun(options(first.get("settings")), List.copyOf(results), List.copyOf(skipped),
                decodedTokens, pairTokens, groups, decodes, tokenizeMillis, scoreMillis, planned, recovered);
        Path file = Path.of(t.path("file").asText());

        Map<String, Object> report = set.mergedHeader();
        report.putAll(ChoiceReport.results(task, taskItems, file, run, null));
        String text = ChoiceReport.toText(task, file, run, ChoiceReport.scores(task, run, null));
        return new MergeCommand.Merged(report, text);
    }

    private static ScoringKind kind(String name) {
        try {
            return ScoringKind.valueOf(name.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw LmscoreException.badInput("the shards' task kind '" + name + "' is not one lmscore knows");
        }
    }

    /** The run's settings as options: only reported again, nothing is decoded. */
    private static ChoiceOptions options(JsonNode s) {
        try {
            return new ChoiceOptions(setting(s, "context_size").asInt(), setting(s, "batch_size").asInt(),
                    setting(s, "ubatch_size").asInt(), setting(s, "parallel").asInt(), setting(s, "threads").asInt(),
                    FlashAttention.valueOf(setting(s, "flash_attention").asText().toUpperCase()),
                    CacheType.valueOf(setting(s, "cache_type").asText().toUpperCase()), setting(s, "bos").asBoolean(),
                    Tokenization.valueOf(setting(s, "tokenization").asText().toUpperCase()),
                    setting(s, "skip_long").asBoolean());
        } catch (IllegalArgumentException e) { // a name no enum of this lmscore has
            throw LmscoreException.badInput("the shards' settings are not those of this lmscore's choice command: "
                    + e.getMessage());
        }
    }

    private static JsonNode setting(JsonNode settings, String name) {
        JsonNode value = settings == null ? null : settings.get(name);
        if (value == null || value.isNull()) {
            throw LmscoreException.badInput("the shards' settings lack " + name);
        }
        return value;
    }
}
