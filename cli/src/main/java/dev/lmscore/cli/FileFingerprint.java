package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        return Files.isDirectory(file) ? describeFolder(file) : describe(file, 0);
    }

    static Map<String, Object> ofModel(Path file) {
        if (!Files.exists(file)) {
            throw LmscoreException.badInput("model file not found: " + file);
        }
        return describe(file, EDGE);
    }

    /**
     * A folder of data files (MMLU's CSVs) by the relative path and sha256 of every file below it,
     * in path order: the same wherever the folder was copied to.
     */
    private static Map<String, Object> describeFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(f -> relativeName(folder, f)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "cannot read " + folder + ": " + e.getMessage(), e);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            for (Path f : files) {
                Map<String, Object> d = describe(f, 0);
                digest.update((relativeName(folder, f) + "\0" + d.get("sha256") + "\n").getBytes(StandardCharsets.UTF_8));
                size += (Long) d.get("size");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", folder.getFileName().toString());
            m.put("files", files.size());
            m.put("size", size);
            m.put("sha256_of_files", HexFormat.of().formatHex(digest.digest()));
            return m;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relativeName(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
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
