package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lmscore compare} reads: a perplexity report ({@code lmscore perplexity --json}, one
 * result per text file, each with its per-chunk sums) or per-item choice results (JSONL, one item a
 * line). Choice lines are read leniently: an {@code id} (or {@code doc_id}, {@code idx}), and
 * either {@code correct} (bool or 0/1, also {@code acc}) or {@code prediction}/{@code pred} and
 * {@code gold}/{@code label}; lines with neither id nor correctness (summaries) are skipped.
 */
sealed interface ComparisonInput permits ComparisonInput.PerplexityRuns, ComparisonInput.ChoiceItems {

    /** Per text file: settings that must match, and the chunk sums. */
    record PerplexityRuns(Path path, Map<String, Object> settings, List<Chunks> results) implements ComparisonInput {}

    record Chunks(String file, long textBytes, int[] chunk, double[] tokens, double[] nllSum) {}

    /** Correctness per item id, in file order; the task name if the lines carry one. */
    record ChoiceItems(Path path, String task, Map<String, Boolean> correct) implements ComparisonInput {}

    /** For errors: what kind of results the file holds, and its name. */
    default String describe() {
        return switch (this) {
            case PerplexityRuns p -> "perplexity report " + p.path();
            case ChoiceItems c -> "per-item choice file " + c.path();
        };
    }

    static ComparisonInput read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LmscoreException.badInput("cannot read " + path + ": " + e.getMessage());
        }
        JsonNode whole = null;
        try {
            whole = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            // not one JSON document: JSON lines
        }
        if (whole != null && whole.isObject() && whole.has("results") && !whole.has("id")) {
            return perplexity(path, whole);
        }
        return choices(path, text);
    }

    private static PerplexityRuns perplexity(Path path, JsonNode root) {
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonNode s = root.path("settings");
        for (String key : List.of("mode", "context_size", "stride", "max_chunks")) {
            settings.put(key, s.path(key).asText(""));
        }
        List<Chunks> results = new ArrayList<>();
        for (JsonNode r : root.path("results")) {
            JsonNode scores = r.path("chunk_scores");
            if (scores.isMissingNode()) {
                throw LmscoreException.badInput(path + " has no per-chunk scores (chunk_scores): re-run with a newer lmscore");
            }
            int[] chunk;
            double[] tokens;
            double[] nll;
            if (scores.isArray()) { // rows: [{"chunk":..,"tokens":..,"nll_sum":..}, ...]
                int n = scores.size();
                chunk = new int[n];
                tokens = new double[n];
                nll = new double[n];
                for (int i = 0; i < n; i++) {
                    chunk[i] = scores.get(i).path("chunk").asInt(i);
                    tokens[i] = required(path, scores.get(i), "tokens").asDouble();
                    nll[i] = required(path, scores.get(i), "nll_sum").asDouble();
                }
            } else { // columns: {"chunk":[..], "tokens":[..], "nll_sum":[..]}
                JsonNode c = required(path, scores, "chunk");
                JsonNode t = required(path, scores, "tokens");
                JsonNode l = required(path, scores, "nll_sum");
                int n = c.size();
                if (t.size() != n || l.size() != n) {
                    throw LmscoreException.badInput(path + ": chunk_scores columns have different lengths");
                }
                chunk = new int[n];
                tokens = new double[n];
                nll = new double[n];
                for (int i = 0; i < n; i++) {
                    chunk[i] = c.get(i).asInt();
                    tokens[i] = t.get(i).asDouble();
                    nll[i] = l.get(i).asDouble();
                }
            }
            String file = Path.of(r.path("file").asText("?")).getFileName().toString();
            results.add(new Chunks(file, r.path("text_bytes").asLong(-1), chunk, tokens, nll));
        }
        if (results.isEmpty()) throw LmscoreException.badInput(path + " holds no perplexity results");
        return new PerplexityRuns(path, settings, results);
    }

    private static JsonNode required(Path path, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw LmscoreException.badInput(path + ": chunk_scores lack '" + field + "'");
        return v;
    }

    private static ChoiceItems choices(Path path, String text) {
        Map<String, Boolean> correct = new LinkedHashMap<>();
        String task = null;
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) continue;
            JsonNode item;
            try {
                item = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                throw LmscoreException.badInput(path + ":" + lineNumber + ": not JSON (expected a perplexity report or JSON lines)");
            }
            JsonNode id = first(item, "id", "doc_id", "idx", "index");
            Boolean right = correctness(item);
            if (id == null && right == null) continue; // a summary or header line
            if (id == null) throw LmscoreException.badInput(path + ":" + lineNumber + ": item has no id");
            if (right == null) {
                throw LmscoreException.badInput(path + ":" + lineNumber + ": item " + id.asText()
                        + " has neither 'correct' nor 'prediction' and 'gold'");
            }
            JsonNode t = first(item, "task", "dataset");
            if (t != null) task = t.asText();
            if (correct.put(id.asText(), right) != null) {
                throw LmscoreException.badInput(path + ":" + lineNumber + ": item id " + id.asText() + " appears twice");
            }
        }
        if (correct.isEmpty()) throw LmscoreException.badInput(path + " holds no items");
        return new ChoiceItems(path, task, correct);
    }

    private static Boolean correctness(JsonNode item) {
        JsonNode c = first(item, "correct", "acc", "is_correct");
        if (c != null) return c.isBoolean() ? c.asBoolean() : c.asDouble() != 0;
        JsonNode p = first(item, "prediction", "pred", "predicted");
        JsonNode g = first(item, "gold", "label", "answer");
        if (p != null && g != null) return p.asText().equals(g.asText());
        return null;
    }

    private static JsonNode first(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull()) return v;
        }
        return null;
    }
}
