package dev.lmscore.engine.gguf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sequential little-endian reads from the start of a GGUF file through a buffer, with every read
 * checked against the file size first: running off the end becomes a one-line
 * {@link GgufFormatException} saying what was being read, never an exception from the buffer.
 * Only the metadata and tensor infos are read this way; tensor data is never touched.
 */
final class GgufInput {
    /** llama.cpp's GGUF_MAX_STRING_LENGTH. */
    static final long MAX_STRING_LENGTH = 1L << 30;
    private static final int BUFFER_SIZE = 1 << 20;

    private final FileChannel channel;
    private final String source;
    private final long fileSize;
    private final ByteBuffer buffer;
    /** File position of buffer index 0. */
    private long bufferStart;
    /** Says what is being read, for error messages: "the header", "the value of key 'x'". */
    private String context = "the header";

    GgufInput(FileChannel channel, String source, long fileSize, int bufferSize) {
        this.channel = channel;
        this.source = source;
        this.fileSize = fileSize;
        this.buffer = ByteBuffer.allocate(Math.max(64, bufferSize)).order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.limit(0);
    }

    GgufInput(FileChannel channel, String source, long fileSize) {
        this(channel, source, fileSize, (int) Math.min(BUFFER_SIZE, Math.max(fileSize, 64)));
    }

    void context(String what) {
        this.context = what;
    }

    String source() {
        return source;
    }

    long fileSize() {
        return fileSize;
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long remaining() {
        return fileSize - position();
    }

    GgufFormatException problem(String what) {
        return new GgufFormatException(source, what);
    }

    /** Fails with a "truncated" message unless {@code bytes} more bytes are in the file. */
    void require(long bytes) {
        if (bytes < 0 || bytes > remaining()) {
            throw problem("truncated or corrupt: the file ends at byte " + fileSize + " while reading " + context
                    + (bytes > remaining() && bytes < Long.MAX_VALUE / 2 ? " (" + bytes + " bytes needed at byte " + position() + ")" : ""));
        }
    }

    /** Makes {@code n <= capacity} bytes available in the buffer (after {@link #require}). */
    private void fill(int n) throws IOException {
        require(n);
        if (buffer.remaining() >= n) {
            return;
        }
        bufferStart += buffer.position();
        buffer.compact();
        while (buffer.position() < n) {
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                throw new EOFException(source + ": file shrank while being read");
            }
        }
        buffer.flip();
    }

    int u8() throws IOException {
        fill(1);
        return Byte.toUnsignedInt(buffer.get());
    }

    short i16() throws IOException {
        fill(2);
        return buffer.getShort();
    }

    int i32() throws IOException {
        fill(4);
        return buffer.getInt();
    }

    long u32() throws IOException {
        return Integer.toUnsignedLong(i32());
    }

    long i64() throws IOException {
        fill(8);
        return buffer.getLong();
    }

    float f32() throws IOException {
        fill(4);
        return buffer.getFloat();
    }

    double f64() throws IOException {
        fill(8);
        return buffer.getDouble();
    }

    /** A GGUF string: uint64 length, then UTF-8 bytes. */
    String string() throws IOException {
        int length = stringLength();
        byte[] bytes = new byte[length];
        bytes(bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads and checks a string length prefix; the bytes are not consumed. */
    int stringLength() throws IOException {
        long length = i64();
        if (length < 0 || length > MAX_STRING_LENGTH) {
            throw problem("corrupt string length " + Long.toUnsignedString(length) + " while reading " + context
                    + " (llama.cpp allows at most " + MAX_STRING_LENGTH + " bytes)");
        }
        require(length);
        return (int) length;
    }

    /** Copies the next {@code length} bytes into {@code dst}. */
    void bytes(byte[] dst, int offset, int length) throws IOException {
        require(length);
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                fill(Math.min(length, buffer.capacity()));
            }
            int n = Math.min(length, buffer.remaining());
            buffer.get(dst, offset, n);
            offset += n;
            length -= n;
        }
    }

    // Bulk reads of numeric array elements, one buffer-full at a time.

    void shorts(short[] dst) throws IOException {
        require(2L * dst.length);
        for (int at = 0; at < dst.length; ) {
            int n = Math.min(dst.length - at, buffer.capacity() / 2);
            fill(2 * n);
            buffer.asShortBuffer().get(dst, at, n);
            buffer.position(buffer.position() + 2 * n);
            at += n;
        }
    }

    void ints(int[] dst) throws IOException {
        require(4L * dst.length);
        for (int at = 0; at < dst.length; ) {
            int n = Math.min(dst.length - at, buffer.capacity() / 4);
            fill(4 * n);
            buffer.asIntBuffer().get(dst, at, n);
            buffer.position(buffer.position() + 4 * n);
            at += n;
        }
    }

    void floats(float[] dst) throws IOException {
        require(4L * dst.length);
        for (int at = 0; at < dst.length; ) {
            int n = Math.min(dst.length - at, buffer.capacity() / 4);
            fill(4 * n);
            buffer.asFloatBuffer().get(dst, at, n);
            buffer.position(buffer.position() + 4 * n);
            at += n;
        }
    }

    void longs(long[] dst) throws IOException {
        require(8L * dst.length);
        for (int at = 0; at < dst.length; ) {
            int n = Math.min(dst.length - at, buffer.capacity() / 8);
            fill(8 * n);
            buffer.asLongBuffer().get(dst, at, n);
            buffer.position(buffer.position() + 8 * n);
            at += n;
        }
    }

    void doubles(double[] dst) throws IOException {
        require(8L * dst.length);
        for (int at = 0; at < dst.length; ) {
            int n = Math.min(dst.length - at, buffer.capacity() / 8);
            fill(8 * n);
            buffer.asDoubleBuffer().get(dst, at, n);
            buffer.position(buffer.position() + 8 * n);
            at += n;
        }
    }
}
