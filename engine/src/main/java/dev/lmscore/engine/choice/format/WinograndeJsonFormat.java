package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Set;

/**
 * Winogrande as published ({@code allenai/winogrande} and the original JSONL): {@code sentence} with
 * one "_", {@code option1}, {@code option2}, {@code answer} "1" or "2". Scored as lm-evaluation-harness
 * does, by partial evaluation: context i = the sentence up to "_" with option i filled in, shared
 * continuation = " " + the rest after "_", stripped.
 */
public final class WinograndeJsonFormat extends JsonDocFormat {

    public WinograndeJsonFormat() {
        super("winogrande-jsonl", ScoringKind.PARTIAL, PromptStyle.standard(), "winogrande");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "sentence", "option1", "option2");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        String sentence = record.text("sentence");
        int blank = sentence.indexOf('_');
        if (blank < 0) {
            throw new BadRecordException("sentence has no '_' to fill in");
        }
        String before = sentence.substring(0, blank);
        List<String> contexts = List.of(before + record.text("option1"), before + record.text("option2"));
        String rest = PyText.strip(sentence.substring(blank + 1));
        int gold = switch (PyText.strip(record.text("answer"))) {
            case "1" -> 0;
            case "2" -> 1;
            default -> throw new BadRecordException("answer should be \"1\" or \"2\", got '" + record.text("answer") + "'");
        };
        return Doc.partial(idOf(record, "qID", position), contexts, rest, gold, null);
    }
}
