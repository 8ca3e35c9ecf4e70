package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HellaSwag as published on Hugging Face ({@code Rowan/hellaswag}) and in the original repository:
 * JSON lines with {@code activity_label}, {@code ctx_a}, {@code ctx_b} (or just {@code ctx}),
 * {@code endings} and {@code label}, prompted with lm-evaluation-harness's preprocessing:
 * query = preprocess(activity_label + ": " + ctx_a + " " + capitalize(ctx_b)), choices =
 * preprocess(ending), one space between.
 */
public final class HellaSwagJsonFormat extends JsonDocFormat {

    // UNIX_LINES: like Python's '.', match anything but '\n' (Java's '.' also stops at '\r', U+2028, ...).
    private static final Pattern BRACKETED = Pattern.compile("\\[.*?\\]", Pattern.UNIX_LINES);

    public HellaSwagJsonFormat() {
        super("hellaswag-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "hellaswag");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return keys.contains("endings") && (keys.contains("ctx_a") || keys.contains("ctx"));
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        // The Hugging Face rows also carry ctx = ctx_a + " " + ctx_b, but lm-eval capitalizes ctx_b, so
        // the parts win when present.
        String context = record.has("ctx_a") && record.has("ctx_b")
                ? record.text("ctx_a") + " " + PyText.capitalize(record.text("ctx_b"))
                : record.text("ctx");
        String query = preprocess(record.text("activity_label") + ": " + context);
        List<String> choices = record.textList("endings").stream().map(HellaSwagJsonFormat::preprocess).toList();
        return Doc.choice(idOf(record, "ind", position), query, choices, record.integer("label"), null);
    }

    /**
     * lm-evaluation-harness's cleanup of HellaSwag text: strip, " [title]" to ". ", bracketed WikiHow
     * artifacts removed, one pass of double spaces to single.
     */
    public static String preprocess(String text) {
        String out = PyText.strip(text);
        out = out.replace(" [title]", ". ");
        out = BRACKETED.matcher(out).replaceAll("");
        return out.replace("  ", " ");
    }
}
