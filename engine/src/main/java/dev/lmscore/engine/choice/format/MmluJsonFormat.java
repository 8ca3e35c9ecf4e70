package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * MMLU as published on Hugging Face ({@code cais/mmlu}): {@code question}, {@code subject},
 * {@code choices} (a list), {@code answer} (an index, or a letter). Group = subject. Few-shot examples
 * come from {@link dev.lmscore.engine.choice.LoadOptions#fewshotFile()} (the dev split) when given.
 */
public final class MmluJsonFormat extends JsonDocFormat {

    public MmluJsonFormat() {
        super("mmlu-jsonl", ScoringKind.MULTIPLE_CHOICE, MmluPrompt.style(), "mmlu");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "question", "subject", "choices", "answer");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        var options = record.textList("choices");
        String subject = record.text("subject");
        return MmluPrompt.doc(subject + "/" + position, record.text("question"), options,
                MmluPrompt.answerIndex(record.text("answer"), options.size()), subject);
    }
}
