package dev.lmscore.engine.gguf;

import java.util.List;

/**
 * Where tensor data goes in a GGUF file: the data section starts at the first multiple of the
 * alignment after the tensor infos, and each tensor follows the previous one, padded to the
 * alignment. llama.cpp insists on exactly this order and padding, so the reader checks it and the
 * writer produces it.
 */
final class GgufLayout {
    private GgufLayout() {}

    /** {@code position} rounded up to a multiple of {@code alignment} (a power of two). */
    static long align(long position, int alignment) {
        return (position + alignment - 1) & -(long) alignment;
    }

    /**
     * Checks that every tensor sits where llama.cpp expects it and that its data lies within the
     * file.
     */
    static void check(String source, List<GgufTensorInfo> tensors, int alignment, long dataStart, long fileSize) {
        if (!tensors.isEmpty() && dataStart > fileSize) {
            throw new GgufFormatException(source, "truncated: the data section would start at byte " + dataStart
                    + " but the file has only " + fileSize + " bytes");
        }
        long expected = 0;
        for (GgufTensorInfo t : tensors) {
            if (t.offset() != expected) {
                throw new GgufFormatException(source, "tensor '" + t.name() + "' has data offset " + t.offset() + ", expected "
                        + expected + " (llama.cpp requires tensors stored in order, each padded to " + alignment + " bytes)");
            }
            long start = dataStart + t.offset(); // both within the file so far: no overflow
            if (t.byteSize() > fileSize - start) {
                throw new GgufFormatException(source, "truncated: the data of tensor '" + t.name() + "' (" + t.byteSize()
                        + " bytes from byte " + start + ") runs past the end of the file at byte " + fileSize);
            }
            expected = align(t.offset() + t.byteSize(), alignment);
        }
    }
}
