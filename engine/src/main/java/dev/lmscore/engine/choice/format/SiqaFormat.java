package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Set;

/**
 * Social IQa: {@code context}, {@code question}, {@code answerA}, {@code answerB}, {@code answerC},
 * {@code label} "1"–"3". lm-evaluation-harness's prompt: "Q: {context} {question}\nA:" then " " + answer.
 */
public final class SiqaFormat extends JsonDocFormat {

    public SiqaFormat() {
        super("siqa-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "siqa", "social_iqa");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "context", "question", "answerA", "answerB");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        String query = "Q: " + record.text("context") + " " + record.text("question") + "\nA:";
        List<String> answers = List.of(record.text("answerA"), record.text("answerB"), record.text("answerC"));
        return Doc.choice(Integer.toString(position), query, answers, record.integer("label") - 1, null);
    }
}
