package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny text template in the spirit of lm-evaluation-harness's Jinja prompts: literal text with
 * {@code {{path}}} placeholders, where a path is a field ({@code {{question}}}), a nested field
 * ({@code {{choices.text}}}) or a list element ({@code {{choices.text[0]}}}); spaces inside the braces
 * are ignored. Nothing else (no filters, no expressions): what a task needs beyond that belongs in a
 * reader of its own.
 *
 * <p>Values render as Python would show them: strings as they are, numbers in their JSON spelling,
 * booleans as {@code True}/{@code False}; a missing field is an error naming it.
 */
public final class Template {

    private final String source;
    private final List<String> literals;  // literal text before each placeholder, and after the last
    private final List<String> paths;     // placeholder paths, one fewer than literals

    private Template(String source, List<String> literals, List<String> paths) {
        this.source = source;
        this.literals = literals;
        this.paths = paths;
    }

    /** Parses {@code source}; an unclosed or empty placeholder is an {@link IllegalArgumentException}. */
    public static Template parse(String source) {
        var literals = new ArrayList<String>();
        var paths = new ArrayList<String>();
        int at = 0;
        while (true) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                literals.add(source.substring(at));
                break;
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{{' in template \"" + source + "\"");
            }
            String path = source.substring(open + 2, close).strip();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty '{{}}' in template \"" + source + "\"");
            }
            JsonRecord.Step.parse(path); // reject a malformed path now, not at the first record
            literals.add(source.substring(at, open));
            paths.add(path);
            at = close + 2;
        }
        return new Template(source, List.copyOf(literals), List.copyOf(paths));
    }

    /** Whether the template has any placeholder. */
    public static boolean isTemplate(String text) {
        return text.contains("{{");
    }

    /** The path when the template is exactly one placeholder and nothing else, else null. */
    public String singlePath() {
        return paths.size() == 1 && literals.get(0).isEmpty() && literals.get(1).isEmpty() ? paths.getFirst() : null;
    }

    /** The text with every placeholder replaced by the record's value. */
    public String render(JsonRecord record) {
        var out = new StringBuilder(literals.getFirst());
        for (int i = 0; i < paths.size(); i++) {
            out.append(show(record.node(paths.get(i)))).append(literals.get(i + 1));
        }
        return out.toString();
    }

    /** The template as written. */
    @Override
    public String toString() {
        return source;
    }

    private static String show(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
