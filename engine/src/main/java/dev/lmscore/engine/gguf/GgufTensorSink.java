package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link GgufTensorSource} puts a tensor's bytes. The writer counts them: a source must
 * supply exactly {@link GgufTensorInfo#byteSize()} bytes, in ggml's layout for the tensor's type.
 */
public interface GgufTensorSink {
    /** Writes the bytes from {@code data}'s position to its limit. */
    void write(ByteBuffer data) throws IOException;

    /** Bytes written so far for this tensor. */
    long written();
}
