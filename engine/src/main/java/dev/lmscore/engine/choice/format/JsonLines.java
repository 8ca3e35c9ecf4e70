package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * JSON Lines: one JSON object a line, blank lines ignored. Each line is handed over unparsed with its
 * number, so that a malformed line is reported (or skipped) at its own line like any other bad record.
 */
public final class JsonLines {

    // Trailing tokens are an error: by default Jackson would read `{"a":1} junk` as {"a":1}.
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * For reading values one at a time off a parser (the elements of a JSON array): there, what follows
     * a value is the rest of the stream, not trailing junk.
     */
    static final ObjectMapper STREAMING = new ObjectMapper();

    private JsonLines() {
    }

    /** Calls {@code visitor} for each non-blank line of {@code file}. */
    public static void forEach(Path file, RecordSource.Visitor visitor) {
        TextFiles.forEachLine(file, (number, text) -> {
            if (!text.isBlank()) {
                visitor.record(number, () -> parse(text));
            }
        });
    }

    /** One line as a record; malformed JSON, or JSON that is not an object, is a {@link BadRecordException}. */
    public static JsonRecord parse(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String column = where == null ? "" : " (column " + where.getColumnNr() + ")";
            throw new BadRecordException("malformed JSON: " + e.getOriginalMessage() + column);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new BadRecordException("expected a JSON object, got " + JsonRecord.describe(node));
        }
        return new JsonRecord(object);
    }
}
