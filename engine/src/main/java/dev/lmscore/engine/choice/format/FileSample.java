package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start of a file (or a folder), looked at once and shared by every format's
 * {@link TaskFormat#recognizes} test: its extension, first lines, first bytes and first JSON record.
 */
public final class FileSample {

    private static final int HEAD_BYTES = 1 << 16;

    private final Path path;
    private final boolean directory;
    private final byte[] headBytes;
    private final String headText;
    private Optional<JsonRecord> firstRecord;

    private FileSample(Path path) {
        this.path = path;
        this.directory = Files.isDirectory(path);
        if (directory) {
            headBytes = new byte[0];
            headText = "";
        } else {
            headBytes = TextFiles.headBytes(path, HEAD_BYTES);
            headText = TextFiles.decodeLeniently(headBytes);
        }
    }

    /** Looks at {@code path}; a missing path is a {@link dev.lmscore.engine.choice.ChoiceFormatException}. */
    public static FileSample of(Path path) {
        return new FileSample(path);
    }

    public Path path() {
        return path;
    }

    public boolean isDirectory() {
        return directory;
    }

    /** The lower-case extension without the dot, or empty. */
    public String extension() {
        return directory ? "" : RecordSource.extension(path);
    }

    /** Up to the first 64 KiB of the file. */
    public byte[] headBytes() {
        return headBytes.clone();
    }

    /** The first {@code n} lines of the sampled text (split at '\n' only), fewer if the sample is short. */
    public List<String> firstLines(int n) {
        return Arrays.stream(headText.split("\n", -1)).limit(n).toList();
    }

    /** The sampled text, up to 64 KiB. */
    public String headText() {
        return headText;
    }

    /**
     * The first record of a JSON Lines file or JSON array, when the sample holds a whole one; empty for
     * anything else (CSV, text, binary, a JSON object that is not in an array).
     */
    public Optional<JsonRecord> firstRecord() {
        if (firstRecord == null) {
            firstRecord = directory ? Optional.empty() : parseFirstRecord();
        }
        return firstRecord;
    }

    /** The first record's top-level keys, or an empty set. */
    public Set<String> firstRecordKeys() {
        return firstRecord().map(JsonRecord::keys).orElse(Set.of());
    }

    /** The first JSON value of the file when it is an object (a task file), else empty. */
    public Optional<ObjectNode> wholeObject() {
        if (directory || !PyText.stripLeading(headText).startsWith("{")) {
            return Optional.empty();
        }
        try (JsonParser parser = JsonLines.STREAMING.createParser(headText)) {
            JsonNode node = parser.readValueAsTree();
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonRecord> parseFirstRecord() {
        String text = PyText.stripLeading(headText);
        if (text.startsWith("{")) {
            String firstLine = text.lines().findFirst().orElse("");
            try {
                return Optional.of(JsonLines.parse(firstLine));
            } catch (BadRecordException e) {
                return Optional.empty();
            }
        }
        if (text.startsWith("[")) {
            try (JsonParser parser = JsonLines.STREAMING.createParser(text)) {
                if (parser.nextToken() == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.START_OBJECT) {
                    return Optional.of(new JsonRecord(parser.readValueAsTree()));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
