package dev.lmscore.engine.kld;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * llama-perplexity's base-logits file ({@code --kl-divergence-base}), little-endian:
 * {@code "_logits_"}, int32 n_ctx, int32 n_vocab, int32 n_chunk, n_ctx·n_chunk int32 tokens (the
 * text's tokens, BOS not yet written over chunk starts), then for each chunk, for each scored
 * position n_ctx/2 .. n_ctx−2, one {@link QuantizedLogProbs} record. Reads it group by group.
 */
final class BaseLogitsFile implements BaseLogProbs {
    static final byte[] MAGIC = "_logits_".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_INTS = 3;

    /** What the header says. */
    record Header(int contextSize, int vocabularySize, int chunks, int[] tokens) {
        int scoredPerChunk() {
            return contextSize - 1 - contextSize / 2;
        }

        long recordsOffset() {
            return MAGIC.length + 4L * HEADER_INTS + 4L * tokens.length;
        }

        long expectedSize() {
            return recordsOffset() + (long) chunks * scoredPerChunk() * QuantizedLogProbs.recordLength(vocabularySize) * 2;
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final Header header;
    private final int recordLength;
    private int groupSize = 1;
    private ByteBuffer buffer;

    private BaseLogitsFile(Path path, FileChannel channel, Header header) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.recordLength = QuantizedLogProbs.recordLength(header.vocabularySize());
    }

    /** Chunks per decode group, known once the header has fixed the context size. */
    void groupSize(int chunks) {
        this.groupSize = chunks;
    }

    /** Opens and checks a base-logits file: magic, a sane header, and every record present. */
    static BaseLogitsFile open(Path path) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            Header header = readHeader(path, channel);
            long size = channel.size();
            if (size < header.expectedSize()) {
                throw LmscoreException.badInput(path + " is truncated: " + size + " bytes, a base-logits file of "
                        + header.chunks() + " chunks of " + header.contextSize() + " tokens with a vocabulary of "
                        + header.vocabularySize() + " has " + header.expectedSize());
            }
            return new BaseLogitsFile(path, channel, header);
        } catch (IOException e) {
            closeQuietly(channel);
            throw LmscoreException.badInput("cannot read base-logits file " + path + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static Header readHeader(Path path, FileChannel channel) throws IOException {
        ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 4 * HEADER_INTS).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, fixed, 0);
        byte[] magic = new byte[MAGIC.length];
        fixed.flip().get(magic);
        if (fixed.limit() < fixed.capacity() || !java.util.Arrays.equals(magic, MAGIC)) {
            throw LmscoreException.badInput(path + " is not a llama.cpp base-logits file (no _logits_ header)");
        }
        int contextSize = fixed.getInt();
        int vocab = fixed.getInt();
        int chunks = fixed.getInt();
        if (contextSize < 4 || vocab < 1 || chunks < 1 || (long) contextSize * chunks > Integer.MAX_VALUE / 4) {
            throw LmscoreException.badInput(path + " has an implausible header: n_ctx " + contextSize
                    + ", n_vocab " + vocab + ", n_chunk " + chunks);
        }
        ByteBuffer tokenBytes = ByteBuffer.allocate(4 * contextSize * chunks).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, tokenBytes, fixed.capacity());
        if (tokenBytes.hasRemaining()) {
            throw LmscoreException.badInput(path + " is truncated inside its token list");
        }
        int[] tokens = new int[contextSize * chunks];
        tokenBytes.flip().asIntBuffer().get(tokens);
        return new Header(contextSize, vocab, chunks, tokens);
    }

    Header header() {
        return header;
    }

    @Override
    public boolean load(int group, short[] records) {
        int scored = header.scoredPerChunk();
        long first = (long) group * groupSize;
        int windows = (int) Math.min(groupSize, header.chunks() - first);
        int count = windows * scored * recordLength;
        if (buffer == null || buffer.capacity() < count * 2) {
            buffer = ByteBuffer.allocateDirect(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear().limit(count * 2);
        try {
            readFully(channel, buffer, header.recordsOffset() + first * scored * recordLength * 2);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
        }
        if (buffer.hasRemaining()) {
            throw LmscoreException.badInput(path + " is truncated at chunk " + first);
        }
        buffer.flip().asShortBuffer().get(records, 0, count);
        return true;
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into, position);
            if (n < 0) return;
            position += n;
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }
}
