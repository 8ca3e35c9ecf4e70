package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A question with lettered (or numbered) choices and an answer key, as ARC, OpenBookQA and
 * CommonsenseQA publish it, in either of its two shapes:
 * <ul>
 *   <li>Hugging Face: {@code question} a string, {@code choices: {text: [...], label: [...]}};</li>
 *   <li>the original AI2 JSONL: {@code question: {stem, choices: [{text, label}, ...]}}.</li>
 * </ul>
 *
 * @param question the question text (the stem)
 * @param texts    the choice texts
 * @param labels   the choice labels ("A".."E" or "1".."5")
 */
record LabelledChoices(String question, List<String> texts, List<String> labels) {

    /** Reads either shape; {@code flatQuestionField} names the flat shape's question (OpenBookQA: question_stem). */
    static LabelledChoices of(JsonRecord record, String flatQuestionField) {
        JsonNode question = record.find("question");
        if (question != null && question.isObject()) {
            var texts = new ArrayList<String>();
            var labels = new ArrayList<String>();
            JsonNode choices = record.node("question.choices");
            if (!choices.isArray()) {
                throw new BadRecordException("field 'question.choices' should be a list, got " + JsonRecord.describe(choices));
            }
            for (int i = 0; i < choices.size(); i++) {
                texts.add(record.text("question.choices[" + i + "].text"));
                labels.add(record.text("question.choices[" + i + "].label"));
            }
            return new LabelledChoices(record.text("question.stem"), texts, labels);
        }
        List<String> texts = record.textList("choices.text");
        List<String> labels = record.textList("choices.label");
        if (texts.size() != labels.size()) {
            throw new BadRecordException("choices.text has " + texts.size() + " entries but choices.label has " + labels.size());
        }
        return new LabelledChoices(record.text(flatQuestionField), texts, labels);
    }

    /** The index of the choice labelled {@code answerKey} (surrounding spaces ignored, as lm-eval's {@code lstrip}). */
    int indexOf(String answerKey) {
        if (texts.isEmpty()) {
            throw new BadRecordException("empty choice list");
        }
        int index = labels.indexOf(PyText.strip(answerKey));
        if (index < 0) {
            throw new BadRecordException("answer key '" + answerKey + "' is not one of the labels " + labels);
        }
        return index;
    }
}
