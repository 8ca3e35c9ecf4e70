package dev.lmscore.engine.gguf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a GGUF file's header, metadata and tensor infos, never its tensor data, and checks them
 * the way llama.cpp's {@code gguf_init_from_file} does, so that a file this reader accepts is one
 * llama.cpp's GGUF parser accepts too. Every problem is a one-line {@link GgufFormatException}
 * naming the file: wrong magic, version 1 or a future version, truncation anywhere, corrupt
 * lengths, duplicate keys or tensor names, unknown types, a row length that is not a whole number
 * of quantization blocks, tensor offsets out of order, or tensor data past the end of the file.
 *
 * <p>Reading costs time in proportion to the metadata (mostly the vocabulary), not the weights: a
 * multi-gigabyte model is read in milliseconds.
 */
public final class GgufReader {
    /** ggml's GGUF_DEFAULT_ALIGNMENT. */
    public static final int DEFAULT_ALIGNMENT = 32;
    /** The key that sets the alignment; llama.cpp requires it to be a UINT32 power of two. */
    public static final String ALIGNMENT_KEY = "general.alignment";

    private static final byte[] MAGIC = {'G', 'G', 'U', 'F'};
    /** Smallest possible tensor info: name length, dimension count, type, offset. */
    private static final int MIN_TENSOR_INFO_SIZE = 8 + 4 + 4 + 8;
    /** Smallest possible key/value pair: key length, one key byte, type, one value byte. */
    private static final int MIN_KV_SIZE = 8 + 1 + 4 + 1;

    private GgufReader() {}

    /**
     * Checks only the fixed header: magic, a supported version (2 or 3) and plausible counts. Reads
     * 24 bytes; meant as the quick test before handing a path to llama.cpp, whose own messages for
     * such files are less clear. {@link #read} checks everything this does and much more.
     *
     * @throws GgufFormatException if the header is wrong
     * @throws IOException if the file cannot be read
     */
    public static GgufHeader checkHeader(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            GgufInput in = new GgufInput(channel, file.toString(), channel.size(), 64);
            return readHeader(in);
        }
    }

    /**
     * Parses and checks the header, all metadata and all tensor infos.
     *
     * @throws GgufFormatException if the file is malformed or llama.cpp would refuse it
     * @throws IOException if the file cannot be read
     */
    public static GgufFile read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            GgufInput in = new GgufInput(channel, file.toString(), channel.size());
            GgufHeader header = readHeader(in);
            GgufMetadata metadata = readMetadata(in, header.metadataCount());
            int alignment = alignment(in, metadata);
            List<GgufTensorInfo> tensors = readTensorInfos(in, header.tensorCount());
            long dataStart = header.tensorCount() == 0 ? in.position() : GgufLayout.align(in.position(), alignment);
            GgufLayout.check(in.source(), tensors, alignment, dataStart, in.fileSize());
            return new GgufFile(file, header.version(), alignment, dataStart, in.fileSize(), metadata, tensors);
        }
    }

    private static GgufHeader readHeader(GgufInput in) throws IOException {
        if (in.fileSize() < MAGIC.length) {
            throw in.problem("not a GGUF file (" + in.fileSize() + " bytes, too short for a GGUF header)");
        }
        byte[] magic = new byte[MAGIC.length];
        in.bytes(magic, 0, MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw in.problem("not a GGUF file: it starts with " + describe(magic) + " instead of 'GGUF'");
        }
        long version = in.u32();
        if (version == 0) {
            throw in.problem("bad GGUF version 0");
        }
        if ((version & 0xFFFF) == 0) {
            throw in.problem("GGUF version " + version + " is implausible: the file is probably big-endian, which llama.cpp cannot read on this machine");
        }
        if (version == 1) {
            throw in.problem("GGUF version 1 is not supported (llama.cpp reads versions 2 and 3)");
        }
        if (version > 3) {
            throw in.problem("GGUF version " + version + " is newer than llama.cpp supports (versions 2 and 3)");
        }
        long tensorCount = in.i64();
        long kvCount = in.i64();
        long left = in.remaining();
        if (tensorCount < 0 || tensorCount > left / MIN_TENSOR_INFO_SIZE) {
            throw in.problem("truncated or corrupt: the header declares " + tensorCount + " tensors, more than a file of " + in.fileSize() + " bytes can hold");
        }
        if (kvCount < 0 || kvCount > left / MIN_KV_SIZE) {
            throw in.problem("truncated or corrupt: the header declares " + kvCount + " metadata keys, more than a file of " + in.fileSize() + " bytes can hold");
        }
        return new GgufHeader((int) version, tensorCount, kvCount, in.fileSize());
    }

    private static String describe(byte[] magic) {
        StringBuilder printable = new StringBuilder("'");
        StringBuilder hex = new StringBuilder();
        for (byte b : magic) {
            printable.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
            hex.append(String.format(" %02x", b));
        }
        return printable.append("' (bytes").append(hex).append(')').toString();
    }

    private static GgufMetadata readMetadata(GgufInput in, long count) throws IOException {
        Map<String, GgufValue> entries = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            in.context("the key of metadata entry #" + i);
            String key = in.string();
            if (key.isEmpty()) {
                throw in.problem("metadata entry #" + i + " has an empty key");
            }
            if (entries.containsKey(key)) {
                throw in.problem("duplicate metadata key '" + key + "'");
            }
            in.context("the value of key '" + key + "'");
            GgufValueType type = valueType(in, key, in.i32());
            GgufValue value;
            if (type == GgufValueType.ARRAY) {
                GgufValueType elementType = valueType(in, key, in.i32());
                long n = in.i64();
                value = GgufValue.array(GgufValueReader.readArray(in, key, elementType, n));
            } else {
                value = GgufValueReader.read(in, type);
            }
            entries.put(key, value);
        }
        return new GgufMetadata(in.source(), entries);
    }

    private static GgufValueType valueType(GgufInput in, String key, int id) {
        return GgufValueType.fromId(id).orElseThrow(() -> in.problem("key '" + key + "' has an invalid value type " + id));
    }

    private static int alignment(GgufInput in, GgufMetadata metadata) {
        var value = metadata.get(ALIGNMENT_KEY);
        if (value.isEmpty()) {
            return DEFAULT_ALIGNMENT;
        }
        if (value.get().type() != GgufValueType.UINT32) {
            throw in.problem("key '" + ALIGNMENT_KEY + "' must be a UINT32 but is a " + value.get().type());
        }
        long alignment = value.get().asLong();
        if (alignment == 0 || Long.bitCount(alignment) != 1 || alignment > (1 << 30)) {
            throw in.problem("alignment " + alignment + " is not a power of 2");
        }
        return (int) alignment;
    }

    private static List<GgufTensorInfo> readTensorInfos(GgufInput in, long count) throws IOException {
        List<GgufTensorInfo> tensors = new ArrayList<>((int) Math.min(count, 1 << 16));
        Set<String> names = new HashSet<>();
        for (long i = 0; i < count; i++) {
            in.context("the name of tensor #" + i);
            int nameLength = in.stringLength();
            if (nameLength > GgufTensorInfo.MAX_NAME_LENGTH) {
                throw in.problem("the name of tensor #" + i + " is " + nameLength + " bytes long; llama.cpp allows at most " + GgufTensorInfo.MAX_NAME_LENGTH);
            }
            byte[] nameBytes = new byte[nameLength];
            in.bytes(nameBytes, 0, nameLength);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            if (!names.add(name)) {
                throw in.problem("duplicate tensor name '" + name + "'");
            }
            in.context("the info of tensor '" + name + "'");
            long rank = in.u32();
            if (rank > GgufTensorInfo.MAX_DIMENSIONS) {
                throw in.problem("tensor '" + name + "' has " + rank + " dimensions; ggml allows at most " + GgufTensorInfo.MAX_DIMENSIONS);
            }
            long[] shape = new long[(int) rank];
            long elements = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.i64();
                if (shape[d] < 0) {
                    throw in.problem("tensor '" + name + "' has a negative dimension " + shape[d]);
                }
                if (shape[d] != 0 && elements > Long.MAX_VALUE / shape[d]) {
                    throw in.problem("tensor '" + name + "' has more elements than ggml can count");
                }
                elements *= shape[d];
            }
            int typeId = in.i32();
            GgmlType type = GgmlType.fromId(typeId)
                    .orElseThrow(() -> in.problem("tensor '" + name + "' has an unknown or removed ggml type " + typeId));
            long rowLength = rank == 0 ? 1 : shape[0];
            if (rowLength % type.blockSize() != 0) {
                throw in.problem(GgufTensorInfo.rowSizeProblem(name, type, rowLength));
            }
            if (elements / type.blockSize() > Long.MAX_VALUE / type.bytesPerBlock()) {
                throw in.problem("tensor '" + name + "' has more bytes than a file can hold");
            }
            long offset = in.i64();
            if (offset < 0) {
                throw in.problem("tensor '" + name + "' has a corrupt data offset " + Long.toUnsignedString(offset));
            }
            tensors.add(new GgufTensorInfo(name, shape, type, offset));
        }
        in.context("the end of the tensor infos");
        return tensors;
    }
}
