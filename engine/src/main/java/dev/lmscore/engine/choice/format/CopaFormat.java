package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.List;
import java.util.Set;

/**
 * COPA (SuperGLUE): {@code premise}, {@code choice1}, {@code choice2}, {@code question} "cause" or
 * "effect", {@code label} 0/1. lm-evaluation-harness's prompt: the stripped premise without its last
 * character (the period) + " because" / " therefore"; choices " " + the choice with its first letter
 * lower-cased.
 *
 * <p>As in lm-evaluation-harness, the choices carry their own leading space <em>and</em> the default
 * target delimiter adds another, so continuations start with two spaces and acc_norm counts the one
 * that belongs to the choice.
 */
public final class CopaFormat extends JsonDocFormat {

    public CopaFormat() {
        super("copa-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "copa");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "premise", "choice1", "choice2");
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        String connector = switch (record.text("question")) {
            case "cause" -> "because";
            case "effect" -> "therefore";
            default -> throw new BadRecordException("question should be \"cause\" or \"effect\", got '" + record.text("question") + "'");
        };
        String premise = PyText.strip(record.text("premise"));
        String query = premise.substring(0, Math.max(0, premise.length() - 1)) + " " + connector;
        List<String> choices = List.of(" " + lowerFirst(record.text("choice1")), " " + lowerFirst(record.text("choice2")));
        return Doc.choice(idOf(record, "idx", position), query, choices, record.integer("label"), null);
    }

    private static String lowerFirst(String choice) {
        if (choice.isEmpty()) {
            throw new BadRecordException("empty choice");
        }
        int first = choice.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
                .append(choice.substring(Character.charCount(first))).toString();
    }
}
