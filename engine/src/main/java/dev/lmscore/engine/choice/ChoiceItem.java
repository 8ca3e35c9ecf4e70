package dev.lmscore.engine.choice;

import java.util.List;
import java.util.Objects;

/**
 * One benchmark item: the requests to score, one per choice, and which of them are right.
 *
 * @param id          a stable identifier (the data's own id where it has one, else its position)
 * @param choices     one request per choice, in the data's order
 * @param gold        index of the correct choice, or -1 where the data has no answer
 * @param trueChoices every correct choice: all true answers for TruthfulQA mc2 (and for llama.cpp's
 *                    binary files, whose items may mark several), else {@code List.of(gold)}
 * @param group       subject or category for per-group averages (MMLU subject), or null
 */
public record ChoiceItem(String id, List<ChoiceRequest> choices, int gold, List<Integer> trueChoices, String group) {

    public ChoiceItem {
        Objects.requireNonNull(id, "id");
        choices = List.copyOf(choices);
        trueChoices = List.copyOf(trueChoices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " has no choices");
        }
        if (gold < -1 || gold >= choices.size()) {
            throw new IllegalArgumentException("item " + id + ": gold " + gold + " outside 0.." + (choices.size() - 1));
        }
        for (int t : trueChoices) {
            if (t < 0 || t >= choices.size()) {
                throw new IllegalArgumentException("item " + id + ": true choice " + t + " outside 0.." + (choices.size() - 1));
            }
        }
    }

    /** An item with a single correct choice. */
    public ChoiceItem(String id, List<ChoiceRequest> choices, int gold, String group) {
        this(id, choices, gold, gold < 0 ? List.of() : List.of(gold), group);
    }

    /** Whether choice {@code index} is one of the correct ones. */
    public boolean isTrue(int index) {
        return trueChoices.contains(index);
    }

    /** Whether the item has an answer to score against. */
    public boolean isLabelled() {
        return !trueChoices.isEmpty();
    }
}
