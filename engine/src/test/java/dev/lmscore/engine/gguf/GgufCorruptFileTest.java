package dev.lmscore.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged copies of a real model, written to a temporary directory, must fail with one clear line. */
class GgufCorruptFileTest {
    private static final Path STORIES = TestData.data("models/stories260K.gguf");

    @TempDir
    Path dir;

    /** Cut points: inside the header, the first key, the vocabulary, the tensor infos, the data, the last byte. */
    @ParameterizedTest
    @ValueSource(ints = {5, 23, 30, 200, 5_000, 23_000, 27_000, 600_000, 1_185_375})
    void truncatedCopyIsRejectedCleanly(int length) throws IOException {
        byte[] original = Files.readAllBytes(STORIES);
        Path cut = dir.resolve("stories-cut-" + length + ".gguf");
        Files.write(cut, Arrays.copyOf(original, length));

        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void truncationMessageSaysWhereItHappened() throws IOException {
        Path cut = dir.resolve("cut.gguf");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(STORIES), 5_000));
        String message = assertThrows(GgufFormatException.class, () -> GgufReader.read(cut)).getMessage();
        assertTrue(message.contains("the file ends at byte 5000 while reading the value of key 'tokenizer.ggml.tokens'"), message);

        Path inData = dir.resolve("in-data.gguf");
        Files.write(inData, Arrays.copyOf(Files.readAllBytes(STORIES), 1_185_000));
        message = assertThrows(GgufFormatException.class, () -> GgufReader.read(inData)).getMessage();
        assertTrue(message.contains("truncated: the data of tensor 'blk.4.ffn_up.weight' (44032 bytes from byte 1141088) runs past the end of the file at byte 1185000"), message);
    }

    @Test
    void tinyFilesAndOtherFormatsAreNotGguf() throws IOException {
        Path empty = Files.write(dir.resolve("empty.gguf"), new byte[0]);
        assertEquals(empty + ": not a GGUF file (0 bytes, too short for a GGUF header)",
                assertThrows(GgufFormatException.class, () -> GgufReader.checkHeader(empty)).getMessage());

        Path text = Files.writeString(dir.resolve("notes.gguf"), "this is not a model, just some text\n");
        assertEquals(text + ": not a GGUF file: it starts with 'this' (bytes 74 68 69 73) instead of 'GGUF'",
                assertThrows(GgufFormatException.class, () -> GgufReader.read(text)).getMessage());
    }

    @Test
    void futureVersionIsRejected() throws IOException {
        Path v4 = patch("v4.gguf", 4, 4);
        assertEquals(v4 + ": GGUF version 4 is newer than llama.cpp supports (versions 2 and 3)",
                assertThrows(GgufFormatException.class, () -> GgufReader.checkHeader(v4)).getMessage());
    }

    @Test
    void absurdCountsAreRejectedBeforeAllocating() throws IOException {
        Path manyTensors = patchLong("many.gguf", 8, 1L << 40);
        assertTrue(assertThrows(GgufFormatException.class, () -> GgufReader.read(manyTensors)).getMessage()
                .contains("declares 1099511627776 tensors"));
    }

    @Test
    void corruptStringLengthIsReported() throws IOException {
        // The first key's length prefix follows the 24-byte header.
        Path bad = patchLong("bad-string.gguf", 24, -5);
        String message = assertThrows(GgufFormatException.class, () -> GgufReader.read(bad)).getMessage();
        assertTrue(message.contains("corrupt string length 18446744073709551611 while reading the key of metadata entry #0"), message);
    }

    @Test
    void unknownTensorTypeIsNamed() throws IOException {
        GgufFile file = GgufReader.read(STORIES);
        GgufTensorInfo first = file.tensors().getFirst();
        // The type id of the first tensor info sits 12 bytes before the end of that info (type, then offset).
        long infoEnd = tensorInfoStart(file) + 8 + first.name().length() + 4 + 8L * first.rank() + 4 + 8;
        Path bad = patch("bad-type.gguf", (int) (infoEnd - 12), 31);
        assertEquals(bad + ": tensor 'token_embd.weight' has an unknown or removed ggml type 31",
                assertThrows(GgufFormatException.class, () -> GgufReader.read(bad)).getMessage());
    }

    @Test
    void wrongMetadataTypeIsReportedByTheAccessor() throws IOException {
        GgufFile file = GgufReader.read(STORIES);
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> file.metadata().string("llama.context_length"));
        assertEquals(STORIES + ": key 'llama.context_length' holds a UINT32, expected a string", e.getMessage());
    }

    /** Where the first tensor info starts: found by its name, preceded by the name's 8-byte length. */
    private static long tensorInfoStart(GgufFile file) throws IOException {
        String name = file.tensors().getFirst().name();
        byte[] needle = ByteBuffer.allocate(8 + name.length()).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(name.length()).put(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).array();
        byte[] bytes = Files.readAllBytes(file.path());
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("tensor info of " + name + " not found");
    }

    private Path patch(String name, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(STORIES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return Files.write(dir.resolve(name), bytes);
    }

    private Path patchLong(String name, int offset, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(STORIES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(offset, value);
        return Files.write(dir.resolve(name), bytes);
    }
}
