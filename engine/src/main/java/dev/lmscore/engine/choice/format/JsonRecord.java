package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One data record (a JSON object, or a CSV row keyed by its header) with accessors that report a
 * missing or mistyped field as a {@link BadRecordException} naming the field, so that readers need no
 * checks of their own. Paths are dotted ({@code choices.text}) with optional indexes ({@code a[0]}).
 */
public record JsonRecord(ObjectNode node) {

    /** The top-level field names, in the record's order. */
    public Set<String> keys() {
        var keys = new LinkedHashSet<String>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Whether {@code path} leads to a non-null value. */
    public boolean has(String path) {
        JsonNode n = find(path);
        return n != null && !n.isNull();
    }

    /** The value at {@code path}; a missing or null value is an error. */
    public JsonNode node(String path) {
        JsonNode n = find(path);
        if (n == null || n.isNull()) {
            throw new BadRecordException("missing field '" + path + "'");
        }
        return n;
    }

    /** The value at {@code path} as text: a string as is, a number or boolean in its JSON spelling. */
    public String text(String path) {
        JsonNode n = node(path);
        if (!n.isValueNode()) {
            throw new BadRecordException("field '" + path + "' should be a string, got " + describe(n));
        }
        return n.asText();
    }

    /** The value at {@code path} as an int: a JSON integer or a string holding one. */
    public int integer(String path) {
        JsonNode n = node(path);
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual()) {
            try {
                return Integer.parseInt(n.textValue().strip());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadRecordException("field '" + path + "' should be an integer, got " + describe(n));
    }

    /** The value at {@code path} as a boolean: JSON true/false, or the strings "true"/"false". */
    public boolean bool(String path) {
        JsonNode n = node(path);
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.textValue().equalsIgnoreCase("true") || n.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(n.textValue());
        }
        throw new BadRecordException("field '" + path + "' should be true or false, got " + describe(n));
    }

    /** The value at {@code path} as a list of texts (a JSON array of strings or numbers). */
    public List<String> textList(String path) {
        JsonNode n = node(path);
        if (!n.isArray()) {
            throw new BadRecordException("field '" + path + "' should be a list, got " + describe(n));
        }
        var out = new ArrayList<String>(n.size());
        for (JsonNode element : n) {
            if (!element.isValueNode() || element.isNull()) {
                throw new BadRecordException("field '" + path + "' should hold strings, got " + describe(element));
            }
            out.add(element.asText());
        }
        return out;
    }

    /** The value at {@code path} as a list of ints. */
    public List<Integer> intList(String path) {
        JsonNode n = node(path);
        if (!n.isArray()) {
            throw new BadRecordException("field '" + path + "' should be a list, got " + describe(n));
        }
        var out = new ArrayList<Integer>(n.size());
        for (JsonNode element : n) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw new BadRecordException("field '" + path + "' should hold integers, got " + describe(element));
            }
            out.add(element.intValue());
        }
        return out;
    }

    /** The value at {@code path}, or null when any step is missing; errors only for a malformed path. */
    public JsonNode find(String path) {
        JsonNode current = node;
        for (Step step : Step.parse(path)) {
            if (current == null) {
                return null;
            }
            current = step.index() >= 0 ? current.get(step.index()) : current.get(step.name());
        }
        return current;
    }

    /** A short description of a value for error messages: its type and a clipped rendering. */
    static String describe(JsonNode n) {
        String kind = n.isArray() ? "a list" : n.isObject() ? "an object" : n.isTextual() ? "a string"
                : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "null";
        String shown = n.toString();
        return kind + " " + (shown.length() > 40 ? shown.substring(0, 37) + "..." : shown);
    }

    /** One step of a path: a field name, or an index into a list. */
    record Step(String name, int index) {

        static List<Step> parse(String path) {
            var steps = new ArrayList<Step>();
            int i = 0;
            while (i < path.length()) {
                char c = path.charAt(i);
                if (c == '.') {
                    i++;
                } else if (c == '[') {
                    int close = path.indexOf(']', i);
                    if (close < 0) {
                        throw new BadRecordException("bad field path '" + path + "': unclosed [");
                    }
                    String digits = path.substring(i + 1, close).strip();
                    try {
                        steps.add(new Step(null, Integer.parseInt(digits)));
                    } catch (NumberFormatException e) {
                        throw new BadRecordException("bad field path '" + path + "': [" + digits + "] is not an index");
                    }
                    i = close + 1;
                } else {
                    int end = i;
                    while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                        end++;
                    }
                    steps.add(new Step(path.substring(i, end).strip(), -1));
                    i = end;
                }
            }
            if (steps.isEmpty()) {
                throw new BadRecordException("empty field path");
            }
            return steps;
        }
    }
}
