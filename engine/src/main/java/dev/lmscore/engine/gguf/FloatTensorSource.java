package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Pulls float chunks from {@link TensorValues}, encodes them to the tensor's type and writes them. */
final class FloatTensorSource implements GgufTensorSource {
    /** Values per chunk: a multiple of every block size, and a few hundred KB of buffers. */
    static final int CHUNK = 1 << 16;

    private final TensorValues values;

    FloatTensorSource(TensorValues values) {
        this.values = values;
    }

    @Override
    public void writeTo(GgufTensorInfo tensor, GgufTensorSink sink) throws IOException {
        GgmlType type = tensor.type();
        if (!TensorEncoding.supports(type)) {
            throw new IllegalArgumentException("tensor '" + tensor.name() + "': cannot encode floats as " + type);
        }
        float[] chunk = new float[(int) Math.min(CHUNK, Math.max(tensor.elementCount(), 1))];
        // Chunks are whole blocks: CHUNK is a multiple of 32, and a smaller tensor is one chunk.
        ByteBuffer bytes = ByteBuffer.allocateDirect((int) type.byteSize(roundUpToBlock(chunk.length, type)))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long done = 0, total = tensor.elementCount(); done < total; ) {
            int n = (int) Math.min(chunk.length, total - done);
            values.next(tensor, chunk, n);
            bytes.clear();
            TensorEncoding.encode(type, chunk, 0, n, bytes);
            bytes.flip();
            sink.write(bytes);
            done += n;
        }
    }

    private static long roundUpToBlock(long n, GgmlType type) {
        return (n + type.blockSize() - 1) / type.blockSize() * type.blockSize();
    }
}
