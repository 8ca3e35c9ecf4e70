package dev.lmscore.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the real GGUF files of the shared test data. */
class GgufReaderTest {
    private static final Path STORIES = TestData.data("models/stories260K.gguf");
    private static final Path TINY_RANDOM = TestData.data("models/llama-2-tiny-random.gguf");

    @Test
    void readsStories260K() throws Exception {
        GgufFile file = GgufReader.read(STORIES);
        GgufModelInfo info = file.modelInfo();

        assertEquals(3, file.version());
        assertEquals(32, file.alignment());
        assertEquals(19, file.metadata().size());
        assertEquals(48, file.tensors().size());
        assertEquals("llama", info.architecture().orElseThrow());
        assertEquals("llama", info.name().orElseThrow());
        assertEquals(5, info.blockCount().getAsLong());
        assertEquals(64, info.embeddingLength().getAsLong());
        assertEquals(172, info.feedForwardLength().getAsLong());
        assertEquals(8, info.headCount().getAsLong());
        assertEquals(4, info.headCountKv().getAsLong());
        assertEquals(2048, info.contextLength().getAsLong());
        assertEquals(512, info.vocabularySize().getAsLong());
        assertEquals("llama", info.tokenizerModel().orElseThrow());
        assertTrue(info.fileType().isEmpty(), "stories260K has no general.file_type");
        assertEquals("F32", info.quantization(), "guessed from the tensor types");
        assertEquals(Map.of(GgmlType.F32, 48), info.tensorTypeHistogram());
        // token_embd + output (64 x 512 each), output_norm, and 5 layers of q, k, v, o, 2 norms, 3 FFN matrices
        assertEquals(2 * 64 * 512 + 64 + 5 * (64 * 64 * 2 + 64 * 32 * 2 + 64 * 2 + 64 * 172 * 3), info.parameterCount());
        assertEquals(4L * info.parameterCount(), file.tensorBytes());

        GgufArray tokens = file.metadata().array("tokenizer.ggml.tokens").orElseThrow();
        assertEquals(GgufValueType.STRING, tokens.elementType());
        assertEquals(List.of("<unk>", "<s>", "</s>", "<0x00>"), tokens.strings().subList(0, 4));
        assertEquals(GgufValueType.FLOAT32, file.metadata().array("tokenizer.ggml.scores").orElseThrow().elementType());
        GgufArray types = file.metadata().array("tokenizer.ggml.token_type").orElseThrow();
        assertEquals(GgufValueType.INT32, types.elementType());
        assertEquals(List.of(2L, 3L, 3L, 6L), List.of(types.getLong(0), types.getLong(1), types.getLong(2), types.getLong(3)));
        assertEquals(1, file.metadata().integer("tokenizer.ggml.bos_token_id").getAsLong());
        assertEquals(4294967295L, file.metadata().integer("tokenizer.ggml.padding_token_id").getAsLong(), "UINT32 read unsigned");
        assertEquals(1e-5, file.metadata().number("llama.attention.layer_norm_rms_epsilon").getAsDouble(), 1e-9);

        GgufTensorInfo embd = file.tensor("token_embd.weight").orElseThrow();
        assertEquals(GgmlType.F32, embd.type());
        assertEquals(List.of(64L, 512L), List.of(embd.dimension(0), embd.dimension(1)));
        assertEquals(0, embd.offset());
        GgufTensorInfo down = file.tensor("blk.0.ffn_down.weight").orElseThrow();
        assertEquals(172, down.rowLength());
        GgufTensorInfo last = file.tensors().getLast();
        long end = file.dataOffset(last) + last.byteSize();
        assertTrue(end <= file.fileSize() && file.fileSize() - end < file.alignment(), "data runs to the end of the file");
        assertEquals(0, file.dataSectionOffset() % 32);
    }

    @Test
    void readsLlama2TinyRandom() throws Exception {
        GgufFile file = GgufReader.read(TINY_RANDOM);
        GgufModelInfo info = file.modelInfo();

        assertEquals("llama", info.architecture().orElseThrow());
        assertEquals("LLaMA v2", info.name().orElseThrow());
        assertEquals(1, info.blockCount().getAsLong());
        assertEquals(8, info.embeddingLength().getAsLong());
        assertEquals(2, info.headCount().getAsLong());
        assertEquals(2, info.headCountKv().getAsLong());
        assertEquals(4096, info.contextLength().getAsLong());
        assertEquals(32000, info.vocabularySize().getAsLong());
        assertEquals(GgufFileType.MOSTLY_F16, info.fileType().orElseThrow());
        assertEquals("F16", info.quantization());
        assertEquals(Map.of(GgmlType.F32, 3, GgmlType.F16, 9), info.tensorTypeHistogram());
        assertEquals(2 * 8 * 32000 + 4 * 64 + 3 * 256 + 3 * 8, info.parameterCount());
    }

    @ParameterizedTest
    @CsvSource({
        "ggml-vocab-gpt-2.gguf,         gpt2,       gpt2,  50257",
        "ggml-vocab-llama-spm.gguf,     llama,      llama, 32000",
        "ggml-vocab-deepseek-llm.gguf,  llama,      gpt2,  102400",
        "ggml-vocab-starcoder.gguf,     starcoder2, gpt2,  49152",
    })
    void readsVocabularyOnlyFiles(String name, String architecture, String tokenizer, int vocabulary) throws Exception {
        GgufFile file = GgufReader.read(TestData.data("models/vocab/" + name));
        GgufModelInfo info = file.modelInfo();

        assertTrue(file.tensors().isEmpty());
        assertEquals(0, info.parameterCount());
        assertEquals(architecture, info.architecture().orElseThrow());
        assertEquals(tokenizer, info.tokenizerModel().orElseThrow());
        assertEquals(vocabulary, info.vocabularySize().getAsLong());
        assertEquals(vocabulary, file.metadata().array("tokenizer.ggml.tokens").orElseThrow().length());
        if (tokenizer.equals("gpt2")) {
            GgufArray merges = file.metadata().array("tokenizer.ggml.merges").orElseThrow();
            assertTrue(merges.length() > 40_000);
            assertTrue(merges.getString(0).contains(" "), "a merge is two tokens separated by a space");
        }
    }

    @Test
    void gpt2VocabularyDecodesUtf8Tokens() throws Exception {
        GgufArray tokens = GgufReader.read(TestData.data("models/vocab/ggml-vocab-gpt-2.gguf"))
                .metadata().array("tokenizer.ggml.tokens").orElseThrow();
        assertEquals("!", tokens.getString(0));
        assertEquals("<|endoftext|>", tokens.getString(50256));
        assertEquals("Ġthe", tokens.getString(262), "GPT-2's byte-level BPE maps the space to U+0120");
    }

    @Test
    void checkHeaderReadsOnlyTheHeader() throws Exception {
        GgufHeader header = GgufReader.checkHeader(STORIES);
        assertEquals(new GgufHeader(3, 48, 19, 1185376), header);
    }

    @Test
    void rejectsVersion1() {
        Path v1 = TestData.data("models/bad/stories260k-gguf-v1.gguf");
        String expected = v1 + ": GGUF version 1 is not supported (llama.cpp reads versions 2 and 3)";
        assertEquals(expected, assertThrows(GgufFormatException.class, () -> GgufReader.read(v1)).getMessage());
        assertEquals(expected, assertThrows(GgufFormatException.class, () -> GgufReader.checkHeader(v1)).getMessage());
    }

    @Test
    void rejectsRowsThatAreNotWholeBlocksNamingTheTensor() throws Exception {
        Path bad = TestData.data("models/bad/stories260k-q8_0-bad-row-size.gguf");
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufReader.read(bad));
        assertEquals(bad + ": tensor 'blk.0.ffn_down.weight' (Q8_0) has rows of 172 elements, not a multiple of the Q8_0 block size 32;"
                + " llama.cpp refuses such a file", e.getMessage());
        assertEquals(2, GgufReader.checkHeader(bad).version(), "the header alone is fine");
    }

    @Test
    void readsTheFileWithoutByteFallback() throws Exception {
        GgufFile file = GgufReader.read(TestData.data("models/bad/tinystories-656k-no-byte-fallback.gguf"));
        assertEquals("Q8_0", file.modelInfo().quantization());
        assertFalse(file.tensors().isEmpty());
    }
}
