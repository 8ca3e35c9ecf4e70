package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.LoadReport;
import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Objects;

/**
 * What a reader produced from a file: the docs, how to prompt them, and where few-shot examples come
 * from.
 *
 * @param taskName    the task's name
 * @param format      the reader's id
 * @param kind        how items are scored
 * @param docs        the items, in file order
 * @param style       how prompts are assembled
 * @param fewshotPool the format's own example split (MMLU's dev files), or null: examples then come from
 *                    {@code docs}, the item itself excluded
 * @param report      bad records skipped
 */
public record DocSet(String taskName, String format, ScoringKind kind, List<Doc> docs, PromptStyle style,
                     List<Doc> fewshotPool, LoadReport report) {

    public DocSet {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kind, "kind");
        docs = List.copyOf(docs);
        Objects.requireNonNull(style, "style");
        fewshotPool = fewshotPool == null ? null : List.copyOf(fewshotPool);
        Objects.requireNonNull(report, "report");
    }

    /** The same set with another few-shot pool. */
    public DocSet withFewshotPool(List<Doc> pool, LoadReport poolReport) {
        return new DocSet(taskName, format, kind, docs, style, pool, report.plus(poolReport));
    }
}
