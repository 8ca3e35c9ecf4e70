package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A value a task file draws from each record: a field path ({@code answerKey}, {@code choices.text})
 * or, when it contains {@code {{…}}}, a {@link Template}. As in lm-evaluation-harness, a bare name is
 * a field; unlike it, a bare name that is not a field is an error rather than literal text, so that a
 * misspelt field is caught.
 */
record FieldOrTemplate(String path, Template template) {

    static FieldOrTemplate of(String spec) {
        if (Template.isTemplate(spec)) {
            Template t = Template.parse(spec);
            // "{{field}}" alone keeps the field's value as is (a list, a number), like a bare name.
            return t.singlePath() != null ? new FieldOrTemplate(t.singlePath(), null) : new FieldOrTemplate(null, t);
        }
        JsonRecord.Step.parse(spec.strip());
        return new FieldOrTemplate(spec.strip(), null);
    }

    /** The value: the field's own JSON value, or the rendered template as a string. */
    JsonNode value(JsonRecord record) {
        return path != null ? record.node(path) : TextNode.valueOf(template.render(record));
    }

    /** The value as text (a list or object is an error). */
    String text(JsonRecord record) {
        return path != null ? record.text(path) : template.render(record);
    }
}
