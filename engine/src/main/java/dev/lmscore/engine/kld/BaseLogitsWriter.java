package dev.lmscore.engine.kld;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link BaseLogitsFile} llama-perplexity can read. The data goes to a temporary file
 * beside the target, moved into place only when complete, so an interrupted run never leaves a
 * file that looks whole.
 */
final class BaseLogitsWriter implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private ByteBuffer buffer;
    private boolean finished;

    BaseLogitsWriter(Path target, int contextSize, int vocab, int chunks, int[] tokens) {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            ByteBuffer header = ByteBuffer.allocate(BaseLogitsFile.MAGIC.length + 12 + 4 * contextSize * chunks)
                    .order(ByteOrder.LITTLE_ENDIAN);
            header.put(BaseLogitsFile.MAGIC).putInt(contextSize).putInt(vocab).putInt(chunks);
            for (int i = 0; i < contextSize * chunks; i++) {
                header.putInt(tokens[i]);
            }
            writeFully(header.flip());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    void write(short[] records, int count) {
        if (buffer == null || buffer.capacity() < count * 2) {
            buffer = ByteBuffer.allocateDirect(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        buffer.asShortBuffer().put(records, 0, count);
        buffer.limit(count * 2);
        try {
            writeFully(buffer);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** Moves the complete file into place. */
    void finish() {
        try {
            channel.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private void writeFully(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    private LmscoreException cannotWrite(IOException e) {
        return new LmscoreException(ExitCode.OUTPUT, "cannot write " + target + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                channel.close();
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the partial file has a name that says what it is
            }
        }
    }
}
