package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code --output FILE}: the report is written to a temporary file beside the target and renamed
 * over it only once complete, so a full disk, a size limit or a kill never leaves a partial file
 * that looks like a result.
 */
final class OutputFile {
    private OutputFile() {}

    /** Fails early, before hours of scoring, when the output's directory cannot take a file. */
    static void checkWritable(Path target) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(directory(target), "." + target.getFileName() + ".", ".probe");
        } catch (IOException | UnsupportedOperationException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write output file " + target + ": " + reason(e));
        } finally {
            deleteQuietly(tmp);
        }
        if (Files.isDirectory(target)) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write output file " + target + ": it is a directory");
        }
    }

    static void writeAtomically(Path target, String content) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(directory(target), "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write output file " + target + ": " + reason(e));
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static Path directory(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "directory does not exist";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do: the name starts with a dot and ends in .tmp
            }
        }
    }
}
