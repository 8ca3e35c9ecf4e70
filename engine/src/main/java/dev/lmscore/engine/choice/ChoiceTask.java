package dev.lmscore.engine.choice;

import java.util.List;
import java.util.Objects;

/**
 * A loaded benchmark: its items, ready to score, and how they were read.
 *
 * @param name            the task's name (e.g. {@code hellaswag}, {@code mmlu}, or a file's stem)
 * @param kind            how items are scored
 * @param items           the items, in file order (skipped bad lines left out)
 * @param format          the reader that produced them (e.g. {@code hellaswag-llamacpp-text}); lets a
 *                        scorer recognise llama.cpp's own formats and score them its way
 * @param targetDelimiter the string put between context and choice text (usually one space); it is the
 *                        leading part of each continuation that acc_norm does not count
 * @param loadReport      bad lines skipped while reading, if skipping was asked for
 */
public record ChoiceTask(String name, ScoringKind kind, List<ChoiceItem> items, String format,
                         String targetDelimiter, LoadReport loadReport) {

    public ChoiceTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(targetDelimiter, "targetDelimiter");
        Objects.requireNonNull(loadReport, "loadReport");
    }

    /** A task built in code: named format "custom", one-space delimiter, nothing skipped. */
    public ChoiceTask(String name, ScoringKind kind, List<ChoiceItem> items) {
        this(name, kind, items, "custom", " ", LoadReport.clean());
    }

    /**
     * The length that acc_norm divides by: the continuation's Unicode code points (Python's
     * {@code len}) without the leading target delimiter, i.e. the length of the choice text itself.
     */
    public int normLength(ChoiceRequest request) {
        String choice = choiceText(request);
        return choice.codePointCount(0, choice.length());
    }

    /** The continuation without the leading target delimiter: the choice text as the data gave it. */
    public String choiceText(ChoiceRequest request) {
        String continuation = request.continuation();
        return continuation.startsWith(targetDelimiter) ? continuation.substring(targetDelimiter.length()) : continuation;
    }

    /**
     * The task that mutual-information scoring needs: every choice after an empty context, scored
     * as lm-evaluation-harness scores {@code ("", choice)} (the choice without the target delimiter;
     * an empty context is conditioned on BOS, or EOS without one). Item order and ids are kept.
     */
    public ChoiceTask unconditional() {
        List<ChoiceItem> unconditional = items.stream()
                .map(item -> new ChoiceItem(item.id(),
                        item.choices().stream().map(c -> new ChoiceRequest("", choiceText(c))).toList(),
                        item.gold(), item.trueChoices(), item.group()))
                .toList();
        return new ChoiceTask(name + " (unconditional)", kind, unconditional, format, targetDelimiter, loadReport);
    }

    /** The same task with only the items at {@code indices} (task order kept), e.g. the ones a run scored. */
    public ChoiceTask subset(List<Integer> indices) {
        return new ChoiceTask(name, kind, indices.stream().map(items::get).toList(), format, targetDelimiter, loadReport);
    }

    /** The number of (context, continuation) pairs to score over all items. */
    public int requestCount() {
        return items.stream().mapToInt(i -> i.choices().size()).sum();
    }
}
