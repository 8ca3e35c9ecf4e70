package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * LAMBADA ({@code EleutherAI/lambada_openai} and the standard release): one {@code text} a record.
 * As lm-evaluation-harness splits it: context = the text up to its last space, continuation = " " +
 * the last word; correct when the continuation is the model's greedy completion.
 */
public final class LambadaFormat extends JsonDocFormat {

    public LambadaFormat() {
        // The continuation carries its own space (lm-eval's doc_to_target), so no delimiter is added.
        super("lambada-jsonl", ScoringKind.GREEDY, PromptStyle.standard().withTargetDelimiter(""),
                "lambada_openai", "lambada", "lambada_standard");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return keys.contains("text") && keys.size() <= 2; // text, and perhaps a domain or id
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        String text = record.text("text");
        int lastSpace = text.lastIndexOf(' '); // -1 for a one-word text: empty context, as in lm-eval
        String context = lastSpace < 0 ? "" : text.substring(0, lastSpace);
        return Doc.greedy(Integer.toString(position), context, " " + text.substring(lastSpace + 1), null);
    }
}
