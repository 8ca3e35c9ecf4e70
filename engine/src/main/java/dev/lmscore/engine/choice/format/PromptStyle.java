package dev.lmscore.engine.choice.format;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a task's prompts are put together around its docs, in lm-evaluation-harness's terms:
 * {@code description + example₁ + fewshotDelimiter + … + exampleₖ + fewshotDelimiter + query}, each
 * example being {@code query + targetDelimiter + gold choice}, and each continuation
 * {@code targetDelimiter + choice}.
 *
 * @param targetDelimiter    between a context and a choice (default one space)
 * @param fewshotDelimiter   after each few-shot example (default a blank line)
 * @param description        text put once before everything, per doc (MMLU: its subject's header)
 * @param sampler            how few-shot examples are picked
 * @param fewshotWithinGroup whether examples come only from the doc's own group (MMLU: same subject)
 */
public record PromptStyle(String targetDelimiter, String fewshotDelimiter, Function<Doc, String> description,
                          FewshotSampler sampler, boolean fewshotWithinGroup) {

    public PromptStyle {
        Objects.requireNonNull(targetDelimiter, "targetDelimiter");
        Objects.requireNonNull(fewshotDelimiter, "fewshotDelimiter");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sampler, "sampler");
    }

    /** lm-evaluation-harness's defaults: " " between context and choice, "\n\n" between examples, random examples. */
    public static PromptStyle standard() {
        return new PromptStyle(" ", "\n\n", doc -> "", FewshotSampler.RANDOM, false);
    }

    public PromptStyle withTargetDelimiter(String d) {
        return new PromptStyle(d, fewshotDelimiter, description, sampler, fewshotWithinGroup);
    }

    public PromptStyle withFewshotDelimiter(String d) {
        return new PromptStyle(targetDelimiter, d, description, sampler, fewshotWithinGroup);
    }

    public PromptStyle withDescription(Function<Doc, String> d) {
        return new PromptStyle(targetDelimiter, fewshotDelimiter, d, sampler, fewshotWithinGroup);
    }

    public PromptStyle withSampler(FewshotSampler s, boolean withinGroup) {
        return new PromptStyle(targetDelimiter, fewshotDelimiter, description, s, withinGroup);
    }
}
