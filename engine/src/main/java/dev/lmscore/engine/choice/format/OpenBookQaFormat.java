package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * OpenBookQA: {@code question_stem}, {@code choices.text}, {@code choices.label}, {@code answerKey}
 * (Hugging Face), or AI2's nested {@code question.stem} shape. lm-evaluation-harness prompts the bare
 * stem, then " " + choice text.
 */
public final class OpenBookQaFormat extends JsonDocFormat {

    public OpenBookQaFormat() {
        super("openbookqa-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "openbookqa", "openbook_qa");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        // The nested shape is ARC's too; a nested file is read as OpenBookQA only when named so.
        return hasAll(keys, "question_stem", "choices", "answerKey");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        var question = LabelledChoices.of(record, "question_stem");
        return Doc.choice(idOf(record, "id", position), question.question(), question.texts(),
                question.indexOf(record.text("answerKey")), null);
    }
}
