package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmscore.engine.choice.ChoiceFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The records of a data file, whatever its container: JSON Lines, a JSON array of objects (TruthfulQA's
 * original {@code mc_task.json}), or a CSV file with a header row (user tasks). Each record comes with
 * its line and is parsed on demand, so a bad record is reported, or skipped, at its own line.
 */
public final class RecordSource {

    /** Receives each record: its line and a way to parse it, which throws {@link BadRecordException}. */
    @FunctionalInterface
    public interface Visitor {
        void record(long line, Supplier<JsonRecord> parse);
    }

    private RecordSource() {
    }

    /** Visits every record of {@code file}: CSV by extension, a JSON array when the text starts with '[', else JSON Lines. */
    public static void forEach(Path file, Visitor visitor) {
        if (extension(file).equals("csv")) {
            forEachCsvRow(file, visitor);
        } else if (startsWithBracket(file)) {
            forEachArrayElement(file, visitor);
        } else {
            JsonLines.forEach(file, visitor);
        }
    }

    /** The lower-case extension of {@code file}'s name, without the dot; empty when it has none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWithBracket(Path file) {
        return PyText.stripLeading(TextFiles.head(file, 4096)).startsWith("[");
    }

    private static void forEachCsvRow(Path file, Visitor visitor) {
        List<Csv.Row> rows = Csv.read(file);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.getFirst().fields();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            visitor.record(row.line(), () -> {
                if (row.fields().size() != header.size()) {
                    throw new BadRecordException("expected " + header.size() + " fields as in the header, got " + row.fields().size());
                }
                ObjectNode node = JsonLines.MAPPER.createObjectNode();
                for (int i = 0; i < header.size(); i++) {
                    node.put(header.get(i).strip(), row.fields().get(i));
                }
                return new JsonRecord(node);
            });
        }
    }

    // A JSON array is parsed as a stream so each element keeps the line where it starts. A syntax error
    // leaves no way to find the next element, so it ends the read even when bad lines are skipped.
    private static void forEachArrayElement(Path file, Visitor visitor) {
        String text = TextFiles.readString(file);
        try (JsonParser parser = JsonLines.STREAMING.createParser(text)) {
            parser.nextToken(); // START_ARRAY
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw ChoiceFormatException.in(file, "JSON array is not closed");
                }
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode element = parser.readValueAsTree();
                visitor.record(line, () -> {
                    if (!(element instanceof ObjectNode object)) {
                        throw new BadRecordException("expected a JSON object, got " + JsonRecord.describe(element));
                    }
                    return new JsonRecord(object);
                });
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ChoiceFormatException.at(file, line, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
