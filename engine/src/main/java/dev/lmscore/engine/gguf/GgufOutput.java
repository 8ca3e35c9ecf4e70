package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Little-endian writes to a file channel through a buffer, keeping count of the file position. */
final class GgufOutput {
    private static final int BUFFER_SIZE = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    /** Bytes already handed to the channel. */
    private long flushed;

    GgufOutput(FileChannel channel) {
        this.channel = channel;
    }

    long position() {
        return flushed + buffer.position();
    }

    private ByteBuffer room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
        return buffer;
    }

    void u8(int v) throws IOException { room(1).put((byte) v); }
    void i16(short v) throws IOException { room(2).putShort(v); }
    void i32(int v) throws IOException { room(4).putInt(v); }
    void i64(long v) throws IOException { room(8).putLong(v); }
    void f32(float v) throws IOException { room(4).putFloat(v); }
    void f64(double v) throws IOException { room(8).putDouble(v); }

    void string(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        i64(bytes.length);
        bytes(bytes, 0, bytes.length);
    }

    void bytes(byte[] src, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, room(1).remaining());
            buffer.put(src, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Writes zero bytes up to the next multiple of {@code alignment}. */
    void pad(int alignment) throws IOException {
        long target = GgufLayout.align(position(), alignment);
        while (position() < target) {
            u8(0);
        }
    }

    /** Writes a whole buffer (from its position to its limit), bypassing the internal buffer. */
    void raw(ByteBuffer src) throws IOException {
        flush();
        while (src.hasRemaining()) {
            flushed += channel.write(src);
        }
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }
}
