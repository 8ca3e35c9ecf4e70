package dev.lmscore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's checkpoint: a JSONL file whose first line is a header with the {@link RunIdentity} and
 * each further line one completed unit of work (a perplexity window group, a choice item).
 * Every record is written whole, flushed and fsynced before the run goes on, so a kill -9 loses at
 * most the unit in flight; a last line cut off mid-write is ignored on resume and overwritten.
 * The unit records themselves are opaque here: each command encodes and decodes its own.
 */
final class Checkpoint implements AutoCloseable {
    private static final ObjectMapper LINES = new ObjectMapper(); // one record per line: no indentation
    private final Path file;
    private final FileChannel channel;
    private final List<JsonNode> recovered;

    private Checkpoint(Path file, FileChannel channel, List<JsonNode> recovered) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
    }

    /**
     * Opens the checkpoint for a run with this identity. Without {@code resume} the file must not
     * hold records yet (a finished or interrupted run is never overwritten by accident); with it,
     * a missing file starts a fresh run and an existing one must belong to the same run.
     */
    static Checkpoint open(Path file, Map<String, Object> identity, boolean resume) {
        try {
            List<JsonNode> records = new ArrayList<>();
            long validEnd = 0;
            boolean exists = Files.isRegularFile(file) && Files.size(file) > 0;
            if (exists) {
                if (!resume) {
                    throw LmscoreException.usage("checkpoint " + file + " already exists; add --resume to continue it, or delete it");
                }
                byte[] bytes = Files.readAllBytes(file);
                int lineStart = 0;
                boolean header = true;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] != '\n') continue;
                    JsonNode line = parse(file, bytes, lineStart, i, header);
                    if (header) {
                        checkHeader(file, line, identity);
                        header = false;
                    } else {
                        records.add(line);
                    }
                    lineStart = i + 1;
                    validEnd = lineStart;
                }
                if (header) {
                    // not even a whole header line: the run died before its first record; start over
                    validEnd = 0;
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(validEnd); // drops a line cut off by a kill
            channel.position(validEnd);
            Checkpoint checkpoint = new Checkpoint(file, channel, records);
            if (validEnd == 0) {
                Map<String, Object> head = new LinkedHashMap<>();
                head.put("lmscore_checkpoint", 1);
                head.put("identity", identity);
                checkpoint.append(head);
            }
            return checkpoint;
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot use checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file, byte[] bytes, int from, int to, boolean header) {
        try {
            return LINES.readTree(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw LmscoreException.badInput("checkpoint " + file + " is corrupt (" + (header ? "header" : "a record before the last line")
                    + " is not JSON); delete it to start over");
        }
    }

    private static void checkHeader(Path file, JsonNode header, Map<String, Object> identity) {
        if (!header.has("lmscore_checkpoint") || !header.has("identity")) {
            throw LmscoreException.badInput(file + " is not an lmscore checkpoint");
        }
        String difference = RunIdentity.difference(identity, header.get("identity"));
        if (difference != null) {
            throw LmscoreException.badInput("checkpoint " + file + " belongs to another run: " + difference
                    + "; use the same model, data and settings, or another checkpoint file");
        }
    }

    /** The unit records of the run so far (empty for a fresh run). */
    List<JsonNode> recovered() {
        return recovered;
    }

    /** Appends one unit record durably: written whole, then fsynced. */
    synchronized void append(Object record) {
        try {
            byte[] line = (LINES.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot close checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
