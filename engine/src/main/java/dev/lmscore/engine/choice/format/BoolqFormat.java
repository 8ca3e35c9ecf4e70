package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Set;

/**
 * BoolQ: {@code passage}, {@code question}, and {@code answer} (true/false, Google's release and
 * {@code google/boolq}) or {@code label} (0/1, SuperGLUE). lm-evaluation-harness's prompt:
 * "{passage}\nQuestion: {question}?\nAnswer:" then " no" / " yes".
 */
public final class BoolqFormat extends JsonDocFormat {

    public BoolqFormat() {
        super("boolq-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "boolq");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "passage", "question") && (keys.contains("answer") || keys.contains("label"));
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        int gold = record.has("answer") ? (record.bool("answer") ? 1 : 0) : record.integer("label");
        String query = record.text("passage") + "\nQuestion: " + record.text("question") + "?\nAnswer:";
        return Doc.choice(idOf(record, "idx", position), query, List.of("no", "yes"), gold, null);
    }
}
