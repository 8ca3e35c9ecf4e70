package dev.lmscore.engine.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed GGUF file: header, metadata and tensor infos, all checked the way llama.cpp checks them
 * (see {@link GgufReader}). Tensor data stays in the file; {@link #dataOffset(GgufTensorInfo)}
 * says where each tensor's bytes are, for memory-mapping or reading them later.
 */
public final class GgufFile {
    private final Path path;
    private final int version;
    private final int alignment;
    private final long dataSectionOffset;
    private final long fileSize;
    private final GgufMetadata metadata;
    private final List<GgufTensorInfo> tensors;
    private final Map<String, GgufTensorInfo> tensorsByName;

    GgufFile(Path path, int version, int alignment, long dataSectionOffset, long fileSize,
             GgufMetadata metadata, List<GgufTensorInfo> tensors) {
        this.path = path;
        this.version = version;
        this.alignment = alignment;
        this.dataSectionOffset = dataSectionOffset;
        this.fileSize = fileSize;
        this.metadata = metadata;
        this.tensors = List.copyOf(tensors);
        Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();
        for (GgufTensorInfo t : tensors) {
            byName.put(t.name(), t);
        }
        this.tensorsByName = Collections.unmodifiableMap(byName);
    }

    public Path path() {
        return path;
    }

    /** GGUF version: 2 or 3. */
    public int version() {
        return version;
    }

    /** Alignment of tensor data in bytes ({@code general.alignment}, 32 when absent). */
    public int alignment() {
        return alignment;
    }

    /** File offset where the data section (the first tensor's data) starts. */
    public long dataSectionOffset() {
        return dataSectionOffset;
    }

    public long fileSize() {
        return fileSize;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** Tensor infos in file order. */
    public List<GgufTensorInfo> tensors() {
        return tensors;
    }

    public Optional<GgufTensorInfo> tensor(String name) {
        return Optional.ofNullable(tensorsByName.get(name));
    }

    /** File offset of a tensor's first byte. */
    public long dataOffset(GgufTensorInfo tensor) {
        return dataSectionOffset + tensor.offset();
    }

    /** Number of weights: the element count of every tensor, added up. */
    public long parameterCount() {
        long sum = 0;
        for (GgufTensorInfo t : tensors) {
            sum += t.elementCount();
        }
        return sum;
    }

    /** Bytes of tensor data, padding excluded. */
    public long tensorBytes() {
        long sum = 0;
        for (GgufTensorInfo t : tensors) {
            sum += t.byteSize();
        }
        return sum;
    }

    /** How many tensors there are of each type, in ggml type order. */
    public Map<GgmlType, Integer> tensorTypeHistogram() {
        Map<GgmlType, Integer> counts = new EnumMap<>(GgmlType.class);
        for (GgufTensorInfo t : tensors) {
            counts.merge(t.type(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** A view with typed accessors for the usual model hyper-parameters. */
    public GgufModelInfo modelInfo() {
        return new GgufModelInfo(this);
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + ", v" + version + ", " + metadata.size() + " keys, " + tensors.size() + " tensors]";
    }
}
