package dev.lmscore.engine.choice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmscore.engine.LmscoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic JSONL forms of the shared evaluation sets, one item a line, the kind told by the
 * fields of the first item; the target delimiter (a space) joins context and continuation:
 * <ul>
 * <li>{@code {"query", "choices", "gold"}}: multiple choice, context = query, continuation = " " + choice;
 * <li>{@code {"context_options", "continuation", "gold"}}: partial scoring (Winogrande), the
 *     options differ in the context and share the continuation;
 * <li>{@code {"context", "continuation"}}: greedy (LAMBADA), correct iff every continuation token is the top token.
 * </ul>
 * Item ids are the items' 0-based numbers in the file.
 */
final class GenericJsonlFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELIMITER = " ";

    private GenericJsonlFile() {}

    static ChoiceTask read(String taskName, Path file, int limit) {
        String[] lines = TaskFile.read(file).split("\n", -1);
        List<ChoiceItem> items = new ArrayList<>();
        ScoringKind kind = null;
        for (int i = 0; i < lines.length && (limit <= 0 || items.size() < limit); i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(lines[i]);
            } catch (JsonProcessingException e) {
                throw LmscoreException.badInput(where + ": malformed JSON: " + e.getOriginalMessage());
            }
            ScoringKind k = kindOf(node, where);
            if (kind == null) {
                kind = k;
            } else if (k != kind) {
                throw LmscoreException.badInput(where + ": a " + k + " item in a file of " + kind + " items");
            }
            items.add(item(String.valueOf(items.size()), node, k, where));
        }
        if (items.isEmpty()) {
            throw LmscoreException.badInput("task file has no items: " + file);
        }
        return new ChoiceTask(taskName, kind, List.copyOf(items));
    }

    private static ScoringKind kindOf(JsonNode node, String where) {
        if (node.isObject() && node.has("query") && node.has("choices")) return ScoringKind.MULTIPLE_CHOICE;
        if (node.isObject() && node.has("context_options") && node.has("continuation")) return ScoringKind.PARTIAL;
        if (node.isObject() && node.has("context") && node.has("continuation")) return ScoringKind.GREEDY;
        throw LmscoreException.badInput(where + ": not an item of a known form ({query, choices, gold}, "
                + "{context_options, continuation, gold} or {context, continuation})");
    }

    private static ChoiceItem item(String id, JsonNode node, ScoringKind kind, String where) {
        List<ChoiceRequest> choices = new ArrayList<>();
        switch (kind) {
            case MULTIPLE_CHOICE -> {
                String query = text(node, "query", where);
                for (JsonNode choice : array(node, "choices", where)) {
                    choices.add(new ChoiceRequest(query, DELIMITER + textOf(choice, "choices", where)));
                }
            }
            case PARTIAL -> {
                String continuation = DELIMITER + text(node, "continuation", where);
                for (JsonNode option : array(node, "context_options", where)) {
                    choices.add(new ChoiceRequest(textOf(option, "context_options", where), continuation));
                }
            }
            default -> choices.add(new ChoiceRequest(text(node, "context", where),
                    DELIMITER + text(node, "continuation", where)));
        }
        int gold = kind == ScoringKind.GREEDY ? 0 : gold(node, choices.size(), where);
        return new ChoiceItem(id, List.copyOf(choices), gold, List.of(gold), null);
    }

    private static int gold(JsonNode node, int choices, String where) {
        JsonNode gold = node.get("gold");
        if (gold == null || !gold.canConvertToInt() || gold.asInt() < 0 || gold.asInt() >= choices) {
            throw LmscoreException.badInput(where + ": \"gold\" must be a choice index from 0 to " + (choices - 1));
        }
        return gold.asInt();
    }

    private static String text(JsonNode node, String field, String where) {
        return textOf(node.get(field), field, where);
    }

    private static String textOf(JsonNode value, String field, String where) {
        if (value == null || !value.isTextual()) {
            throw LmscoreException.badInput(where + ": \"" + field + "\" must be text");
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode a = node.get(field);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw LmscoreException.badInput(where + ": \"" + field + "\" must be a non-empty list of texts");
        }
        return a;
    }
}
