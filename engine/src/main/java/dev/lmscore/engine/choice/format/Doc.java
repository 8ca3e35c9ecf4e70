package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark item as a reader produced it, before prompting: the text parts its requests and its
 * few-shot rendering are assembled from (see {@link PromptAssembler}). Two shapes:
 * <ul>
 *   <li>one {@code query} and several {@code choices} (multiple choice, TruthfulQA, and LAMBADA with a
 *       single choice): request i is (prefix + query, delimiter + choices[i]);</li>
 *   <li>several {@code contextOptions} and one shared continuation, {@code choices.get(0)} (Winogrande):
 *       request i is (prefix + contextOptions[i], delimiter + choices[0]).</li>
 * </ul>
 * Choice texts never include the target delimiter; acc_norm counts exactly their characters.
 *
 * @param id             the data's own id, or the record's 0-based position in its file
 * @param query          the shared context, or null for the partial shape
 * @param contextOptions the alternative contexts of the partial shape, else null
 * @param choices        the continuation texts (one, shared, for the partial shape)
 * @param gold           index of the correct choice (or context option)
 * @param trueChoices    every correct index; {@code [gold]} unless the data marks several
 * @param group          subject or category for per-group averages, or null
 */
public record Doc(String id, String query, List<String> contextOptions, List<String> choices, int gold,
                  List<Integer> trueChoices, String group) {

    public Doc {
        Objects.requireNonNull(id, "id");
        choices = List.copyOf(choices);
        contextOptions = contextOptions == null ? null : List.copyOf(contextOptions);
        trueChoices = List.copyOf(trueChoices);
        if ((query == null) == (contextOptions == null)) {
            throw new IllegalArgumentException("a doc has either a query or context options");
        }
        int size = contextOptions == null ? choices.size() : contextOptions.size();
        if (choices.isEmpty() || size == 0) {
            throw new BadRecordException("empty choice list");
        }
        if (gold < 0 || gold >= size) {
            throw new BadRecordException("gold index " + gold + " out of range 0.." + (size - 1));
        }
        for (int t : trueChoices) {
            if (t < 0 || t >= size) {
                throw new BadRecordException("true choice " + t + " out of range 0.." + (size - 1));
            }
        }
    }

    /** A multiple-choice item with one correct answer. */
    public static Doc choice(String id, String query, List<String> choices, int gold, String group) {
        return new Doc(id, query, null, choices, gold, List.of(gold), group);
    }

    /** A multiple-choice item with possibly several correct answers; gold is the first of them. */
    public static Doc withTrueChoices(String id, String query, List<String> choices, List<Integer> trueChoices, String group) {
        if (trueChoices.isEmpty()) {
            throw new BadRecordException(choices.isEmpty() ? "empty choice list" : "no choice is marked correct");
        }
        return new Doc(id, query, null, choices, trueChoices.getFirst(), trueChoices, group);
    }

    /** A Winogrande-style item: alternative contexts, one shared continuation. */
    public static Doc partial(String id, List<String> contextOptions, String continuation, int gold, String group) {
        return new Doc(id, null, contextOptions, List.of(continuation), gold, List.of(gold), group);
    }

    /** A LAMBADA-style item: one context, the one continuation to predict. */
    public static Doc greedy(String id, String context, String continuation, String group) {
        return new Doc(id, context, null, List.of(continuation), 0, List.of(0), group);
    }

    /** Whether the contexts differ per choice (Winogrande) rather than the continuations. */
    public boolean isPartial() {
        return contextOptions != null;
    }

    /** The number of requests the item makes. */
    public int size() {
        return isPartial() ? contextOptions.size() : choices.size();
    }

    /** The item's requests, each context preceded by {@code prefix} and each continuation by {@code delimiter}. */
    public List<ChoiceRequest> requests(String prefix, String delimiter) {
        var out = new ArrayList<ChoiceRequest>(size());
        for (int i = 0; i < size(); i++) {
            out.add(isPartial()
                    ? new ChoiceRequest(prefix + contextOptions.get(i), delimiter + choices.getFirst())
                    : new ChoiceRequest(prefix + query, delimiter + choices.get(i)));
        }
        return out;
    }

    /** The item solved, as a few-shot example: its gold context, the delimiter, its gold continuation. */
    public String solvedExample(String delimiter) {
        return isPartial()
                ? contextOptions.get(gold) + delimiter + choices.getFirst()
                : query + delimiter + choices.get(gold);
    }
}
