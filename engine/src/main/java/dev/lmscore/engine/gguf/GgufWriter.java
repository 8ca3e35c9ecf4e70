package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF version 3 file: metadata of any type, then tensor infos, then each tensor's data,
 * pulled from its {@link GgufTensorSource} only when the writer gets to it, so a file of many
 * gigabytes is written with a few megabytes of memory. Tensors are laid out in the order they were
 * added, each aligned to {@code general.alignment} (32 bytes unless {@link #alignment} says
 * otherwise), which is the layout llama.cpp requires.
 *
 * <pre>{@code
 * new GgufWriter()
 *     .put("general.architecture", GgufValue.string("llama"))
 *     .addTensor("output_norm.weight", GgmlType.F32, new long[] {64}, GgufTensorSource.ofFloats(values))
 *     .write(path);
 * }</pre>
 */
public final class GgufWriter {
    /** The GGUF version this writer produces. */
    public static final int VERSION = 3;

    /** Told after each tensor's data is written; for progress reports on big files. */
    @FunctionalInterface
    public interface Listener {
        void tensorWritten(GgufTensorInfo tensor, long bytesDone, long bytesTotal);
    }

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<GgufTensorInfo> tensors = new ArrayList<>();
    private final List<GgufTensorSource> sources = new ArrayList<>();
    private int alignment = GgufReader.DEFAULT_ALIGNMENT;
    private long nextOffset;
    private Listener listener = (t, done, total) -> {};

    /** Adds a metadata pair, or replaces the value of an existing key in place. */
    public GgufWriter put(String key, GgufValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("metadata keys must not be empty");
        }
        if (key.equals(GgufReader.ALIGNMENT_KEY)) {
            if (value.type() != GgufValueType.UINT32) {
                throw new IllegalArgumentException(GgufReader.ALIGNMENT_KEY + " must be a UINT32");
            }
            setAlignment(value.asLong());
        }
        metadata.put(key, value);
        return this;
    }

    /** Adds every pair of {@code entries}, in their order. */
    public GgufWriter putAll(Map<String, GgufValue> entries) {
        entries.forEach(this::put);
        return this;
    }

    /**
     * Sets the data alignment (a power of two) and records it as {@code general.alignment}. Must be
     * called before any tensor is added.
     */
    public GgufWriter alignment(int bytes) {
        return put(GgufReader.ALIGNMENT_KEY, GgufValue.uint32(bytes));
    }

    private void setAlignment(long bytes) {
        if (bytes <= 0 || Long.bitCount(bytes) != 1 || bytes > (1 << 30)) {
            throw new IllegalArgumentException("alignment " + bytes + " is not a power of 2");
        }
        if (!tensors.isEmpty() && bytes != alignment) {
            throw new IllegalStateException("set the alignment before adding tensors");
        }
        alignment = (int) bytes;
    }

    /**
     * Declares a tensor; its data is requested from {@code source} when the file is written.
     *
     * @param shape dimensions in ggml order, row length first
     * @throws IllegalArgumentException for a duplicate or too long name, or a shape the type cannot
     *         hold (rows not a whole number of blocks, more than four dimensions)
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, GgufTensorSource source) {
        Objects.requireNonNull(source, "source");
        if (name.getBytes(StandardCharsets.UTF_8).length > GgufTensorInfo.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("tensor name '" + name + "' is longer than " + GgufTensorInfo.MAX_NAME_LENGTH + " bytes");
        }
        for (GgufTensorInfo t : tensors) {
            if (t.name().equals(name)) {
                throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
            }
        }
        GgufTensorInfo info = new GgufTensorInfo(name, shape, type, nextOffset);
        tensors.add(info);
        sources.add(source);
        nextOffset = GgufLayout.align(nextOffset + info.byteSize(), alignment);
        return this;
    }

    /** Called after each tensor is written. */
    public GgufWriter listener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** The tensors declared so far, with the data offsets they will have. */
    public List<GgufTensorInfo> tensors() {
        return List.copyOf(tensors);
    }

    /**
     * Writes the file. It is written under a temporary name in the same directory and renamed into
     * place when complete, so {@code target} either does not exist or is whole, even if the
     * process dies half-way through a multi-gigabyte write.
     *
     * @return the size of the file in bytes
     */
    public long write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stick to the finished file.
        Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial");
        boolean done = false;
        try {
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                size = writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return size;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private long writeTo(FileChannel channel) throws IOException {
        GgufOutput out = new GgufOutput(channel);
        out.bytes(new byte[] {'G', 'G', 'U', 'F'}, 0, 4);
        out.i32(VERSION);
        out.i64(tensors.size());
        out.i64(metadata.size());
        for (Map.Entry<String, GgufValue> e : metadata.entrySet()) {
            out.string(e.getKey());
            GgufValueWriter.write(out, e.getValue());
        }
        for (GgufTensorInfo t : tensors) {
            out.string(t.name());
            out.i32(t.rank());
            for (long d : t.shape()) {
                out.i64(d);
            }
            out.i32(t.type().id());
            out.i64(t.offset());
        }
        out.pad(alignment);
        long dataStart = out.position();
        for (int i = 0; i < tensors.size(); i++) {
            GgufTensorInfo t = tensors.get(i);
            CountingSink sink = new CountingSink(out, t);
            sources.get(i).writeTo(t, sink);
            if (sink.written() != t.byteSize()) {
                throw new IllegalStateException("the source of tensor '" + t.name() + "' wrote " + sink.written()
                        + " bytes, expected " + t.byteSize());
            }
            out.pad(alignment);
            listener.tensorWritten(t, out.position() - dataStart, nextOffset);
        }
        out.flush();
        return out.position();
    }

    /** Passes tensor bytes to the file, refusing more than the tensor holds. */
    private static final class CountingSink implements GgufTensorSink {
        private final GgufOutput out;
        private final GgufTensorInfo tensor;
        private long written;

        CountingSink(GgufOutput out, GgufTensorInfo tensor) {
            this.out = out;
            this.tensor = tensor;
        }

        @Override
        public void write(ByteBuffer data) throws IOException {
            if (written + data.remaining() > tensor.byteSize()) {
                throw new IllegalStateException("the source of tensor '" + tensor.name() + "' wrote more than its "
                        + tensor.byteSize() + " bytes");
            }
            written += data.remaining();
            out.raw(data);
        }

        @Override
        public long written() {
            return written;
        }
    }
}
