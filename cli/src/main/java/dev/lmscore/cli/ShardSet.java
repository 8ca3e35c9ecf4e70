package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON reports of the N shards of one run, checked to belong together: same command, model,
 * data and settings (their {@link RunIdentity}), each shard 0..N-1 exactly once, none interrupted.
 * What a unit record is stays with the command that merges them.
 */
record ShardSet(String command, int count, List<JsonNode> reports) {

    static ShardSet read(List<Path> files) {
        List<JsonNode> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(readReport(file));
        }
        JsonNode first = reports.get(0);
        int count = first.at("/shard/count").asInt();
        JsonNode[] byIndex = new JsonNode[count];
        for (int i = 0; i < reports.size(); i++) {
            JsonNode report = reports.get(i);
            Path file = files.get(i);
            String difference = RunIdentity.difference(first.get("identity"), report.get("identity"));
            if (difference != null) {
                throw LmscoreException.badInput(file + " is a shard of another run than " + files.get(0) + ": " + difference);
            }
            if (report.at("/shard/count").asInt() != count) {
                throw LmscoreException.badInput(file + " is shard " + shardName(report) + ", but " + files.get(0)
                        + " is one of " + count + " shards");
            }
            int index = report.at("/shard/index").asInt();
            if (byIndex[index] != null) {
                throw LmscoreException.badInput("shard " + index + "/" + count + " given twice (" + file + ")");
            }
            if (report.path("interrupted").asBoolean(false)) {
                throw LmscoreException.badInput(file + " is an interrupted shard; finish it with --checkpoint/--resume first");
            }
            byIndex[index] = report;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (byIndex[i] == null) missing.add(i);
        }
        if (!missing.isEmpty()) {
            throw LmscoreException.badInput("shards missing: " + missing + " of " + count + " (indices are 0-based)");
        }
        return new ShardSet(first.at("/identity/command").asText(), count, List.of(byIndex));
    }

    /** The start of the merged report: the shards' model, settings and identity, as those of one whole run. */
    Map<String, Object> mergedHeader() {
        JsonNode first = reports.get(0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", command);
        report.put("model", Json.MAPPER.convertValue(first.get("model"), Map.class));
        report.put("settings", Json.MAPPER.convertValue(first.get("settings"), Map.class));
        report.put("identity", Json.MAPPER.convertValue(first.get("identity"), Map.class));
        Map<String, Object> shard = new LinkedHashMap<>();
        shard.put("index", 0);
        shard.put("count", 1);
        report.put("shard", shard);
        report.put("merged_shards", count);
        report.put("interrupted", false);
        return report;
    }

    /** Each report's part of the run as "shard I/N", for messages. */
    static String shardName(JsonNode report) {
        return report.at("/shard/index").asInt() + "/" + report.at("/shard/count").asInt();
    }

    private static JsonNode readReport(Path file) {
        JsonNode report;
        try {
            report = Json.MAPPER.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw LmscoreException.badInput("shard file not found: " + file);
        } catch (IOException e) {
            throw LmscoreException.badInput(file + " is not a JSON report of lmscore (" + Main.oneLine(e.getMessage()).split(" at \\[")[0] + ")");
        }
        if (report == null || !report.isObject() || !report.has("identity") || !report.has("shard")
                || !report.get("identity").isObject() || !report.at("/identity/command").isTextual()
                || !report.at("/shard/count").isInt() || !report.at("/shard/index").isInt()) {
            throw LmscoreException.badInput(file + " is not a JSON report of lmscore with a run identity (write shards with --json or --output)");
        }
        int count = report.at("/shard/count").asInt();
        int index = report.at("/shard/index").asInt();
        if (count < 1 || index < 0 || index >= count) {
            throw LmscoreException.badInput(file + " names an impossible shard " + index + "/" + count);
        }
        return report;
    }
}
