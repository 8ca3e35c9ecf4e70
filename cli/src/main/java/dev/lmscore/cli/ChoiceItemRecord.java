package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ItemResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scored item as JSON: its scores alone (a checkpoint line: the run that resumes has the task),
 * or its scores with what the metrics need of the item itself (a shard report's {@code item_scores}:
 * merge has only the reports). Doubles are written in their shortest round-trip form and read back
 * bit for bit, so metrics recomputed from records equal those of the run that wrote them.
 */
final class ChoiceItemRecord {
    private ChoiceItemRecord() {}

    static Map<String, Object> scores(ItemResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("id", r.item().id());
        m.put("loglik", r.logLikelihoods());
        m.put("tokens", r.tokenCounts());
        m.put("greedy", r.greedy());
        return m;
    }

    /** Scores plus gold, true choices, group and each choice's continuation (acc_norm counts its characters). */
    static Map<String, Object> withItem(ItemResult r) {
        Map<String, Object> m = scores(r);
        ChoiceItem item = r.item();
        m.put("gold", item.gold());
        m.put("true_choices", item.trueChoices());
        m.put("group", item.group());
        m.put("continuations", item.choices().stream().map(ChoiceRequest::continuation).toList());
        return m;
    }

    /** The item a {@link #withItem} record describes; its contexts are not kept (no metric reads them). */
    static ChoiceItem item(JsonNode record, String where) {
        JsonNode continuations = record.get("continuations");
        JsonNode trueChoices = record.get("true_choices");
        if (continuations == null || !continuations.isArray() || continuations.isEmpty() || trueChoices == null
                || !trueChoices.isArray() || !record.path("gold").isInt()) {
            throw LmscoreException.badInput(where + ": item record " + record.path("index") + " lacks gold, "
                    + "true_choices or continuations");
        }
        List<ChoiceRequest> choices = new ArrayList<>();
        continuations.forEach(c -> choices.add(new ChoiceRequest("", c.asText())));
        List<Integer> truths = new ArrayList<>();
        trueChoices.forEach(t -> truths.add(t.asInt()));
        JsonNode group = record.get("group");
        try {
            return new ChoiceItem(record.path("id").asText(), choices, record.get("gold").asInt(), truths,
                    group == null || group.isNull() ? null : group.asText());
        } catch (IllegalArgumentException e) {
            throw LmscoreException.badInput(where + ": " + e.getMessage());
        }
    }

    /** The result a record holds for {@code item} (its place in the task is {@code index}). */
    static ItemResult result(JsonNode record, ChoiceItem item, int index, String where) {
        int k = item.choices().size();
        JsonNode loglik = record.get("loglik");
        JsonNode tokens = record.get("tokens");
        JsonNode greedy = record.get("greedy");
        if (!isArrayOf(loglik, k) || !isArrayOf(tokens, k) || !isArrayOf(greedy, k)) {
            throw LmscoreException.badInput(where + ": item " + item.id() + " needs loglik, tokens and greedy for its "
                    + k + " choices");
        }
        double[] logLikelihoods = new double[k];
        int[] counts = new int[k];
        boolean[] greedyFlags = new boolean[k];
        for (int c = 0; c < k; c++) {
            logLikelihoods[c] = number(loglik.get(c), where, item);
            counts[c] = tokens.get(c).asInt();
            greedyFlags[c] = greedy.get(c).asBoolean();
        }
        return new ItemResult(item, index, logLikelihoods, counts, greedyFlags);
    }

    private static boolean isArrayOf(JsonNode node, int size) {
        return node != null && node.isArray() && node.size() == size;
    }

    // Jackson writes NaN and infinities as strings ("NaN", "-Infinity"); Double.parseDouble reads them back.
    private static double number(JsonNode value, String where, ChoiceItem item) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            throw LmscoreException.badInput(where + ": item " + item.id() + " has a log-likelihood that is not a number: " + value);
        }
    }
}
