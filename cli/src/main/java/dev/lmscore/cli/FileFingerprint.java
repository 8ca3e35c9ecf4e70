package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Identifies input files in checkpoints and shard outputs. Data files are hashed whole. Model files
 * (gigabytes) are identified by size plus the sha256 of their first and last 16 MiB: the header,
 * all metadata and tensor infos are at the front, so another model or quantization differs there,
 * and the tail catches a truncated or re-written copy. It takes milliseconds, not minutes, and does
 * not depend on the file's path or mtime, so copies on different machines (shards) agree.
 */
final class FileFingerprint {
    private static final long EDGE = 16L << 20;

    private FileFingerprint() {}

    static Map<String, Object> ofData(Path file) {
        return describe(file, 0);
    }

    static Map<String, Object> ofModel(Path file) {
        return describe(file, EDGE);
    }

    /** edge 0: hash the whole file; otherwise its first and last {@code edge} bytes. */
    private static Map<String, Object> describe(Path file, long edge) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", file.getFileName().toString());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (edge == 0 || size <= 2 * edge) {
                update(digest, channel, 0, size);
            } else {
                update(digest, channel, 0, edge);
                update(digest, channel, size - edge, edge);
            }
            m.put("size", size);
            m.put(edge == 0 || size <= 2 * edge ? "sha256" : "sha256_first_last_16MiB", HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static void update(MessageDigest digest, FileChannel channel, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long position = from;
        long end = from + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            buffer.flip();
            digest.update(buffer);
            position += read;
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
