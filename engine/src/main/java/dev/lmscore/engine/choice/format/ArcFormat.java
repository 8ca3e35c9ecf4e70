package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * ARC (AI2 Reasoning Challenge), Easy or Challenge: {@code question}, {@code choices.text},
 * {@code choices.label} (A–E or 1–5), {@code answerKey}, flat (Hugging Face) or nested (AI2's JSONL).
 * lm-evaluation-harness's prompt: "Question: {q}\nAnswer:" then " " + choice text.
 */
public final class ArcFormat extends JsonDocFormat {

    public ArcFormat() {
        super("arc-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "arc", "arc_easy", "arc_challenge");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        // CommonsenseQA shares the shape but has question_concept (checked before this format).
        return hasAll(keys, "question", "answerKey");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        var question = LabelledChoices.of(record, "question");
        return Doc.choice(idOf(record, "id", position), "Question: " + question.question() + "\nAnswer:",
                question.texts(), question.indexOf(record.text("answerKey")), null);
    }
}
