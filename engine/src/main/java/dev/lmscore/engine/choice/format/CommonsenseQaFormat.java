package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * CommonsenseQA: {@code question} (a string, with {@code choices.text/label}, on Hugging Face; or
 * {@code question.stem} and {@code question.choices} in the original JSONL), {@code answerKey}.
 * lm-evaluation-harness's prompt lists the choices and scores their letters:
 * "Question: {q.strip()}\nA. {a}\n…\nE. {e}\nAnswer:" then " A" … " E".
 */
public final class CommonsenseQaFormat extends JsonDocFormat {

    public CommonsenseQaFormat() {
        super("commonsense-qa-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "commonsense_qa", "csqa");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "question_concept", "answerKey");
    }

    @Override
    public boolean recognizes(FileSample sample) {
        // The original shape nests question_concept inside question.
        return super.recognizes(sample) || sample.firstRecord()
                .map(r -> r.has("answerKey") && r.has("question.question_concept"))
                .orElse(false);
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        var question = LabelledChoices.of(record, "question");
        var prompt = new StringBuilder("Question: ").append(PyText.strip(question.question()));
        for (int i = 0; i < question.texts().size(); i++) {
            prompt.append('\n').append(question.labels().get(i)).append(". ").append(question.texts().get(i));
        }
        prompt.append("\nAnswer:");
        return Doc.choice(idOf(record, "id", position), prompt.toString(), question.labels(),
                question.indexOf(record.text("answerKey")), null);
    }
}
