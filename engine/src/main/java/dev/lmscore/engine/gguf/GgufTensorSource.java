package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Supplies a tensor's data to {@link GgufWriter} when the writer reaches it, so that data is made
 * (or read from elsewhere) one tensor at a time while the file is written.
 */
@FunctionalInterface
public interface GgufTensorSource {
    /** Writes all of {@code tensor}'s data, already in its ggml type's layout, to {@code sink}. */
    void writeTo(GgufTensorInfo tensor, GgufTensorSink sink) throws IOException;

    /** Data already encoded, e.g. copied from another file: the buffer's remaining bytes. */
    static GgufTensorSource ofBytes(ByteBuffer data) {
        return (tensor, sink) -> sink.write(data.duplicate());
    }

    /**
     * Float values encoded to the tensor's type as they are written; the type must be one of
     * {@link TensorEncoding}'s (F32, F16, BF16, Q8_0).
     */
    static GgufTensorSource ofFloats(TensorValues values) {
        return new FloatTensorSource(values);
    }
}
