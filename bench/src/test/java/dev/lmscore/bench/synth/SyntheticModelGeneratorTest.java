package dev.lmscore.bench.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.bench.SharedData;
import dev.lmscore.engine.gguf.GgmlType;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufModelInfo;
import dev.lmscore.engine.gguf.GgufReader;
import dev.lmscore.engine.gguf.GgufTensorInfo;
import dev.lmscore.engine.gguf.TensorEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes, read back with the GGUF reader. */
class SyntheticModelGeneratorTest {
    private static Vocabulary gpt2;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadVocabulary() throws IOException {
        gpt2 = Vocabulary.load(SharedData.file("models/vocab/ggml-vocab-gpt-2.gguf"));
    }

    @Test
    void vocabularyIsTakenWhole() throws IOException {
        assertEquals("gpt-2", gpt2.name());
        assertEquals(50257, gpt2.size());
        Map<String, ?> expected = GgufReader.read(SharedData.file("models/vocab/ggml-vocab-gpt-2.gguf")).metadata().withPrefix("tokenizer.");
        assertEquals(expected, gpt2.tokenizerKeys());
        assertEquals(7, gpt2.tokenizerKeys().size(), "model, pre, tokens, token_type, merges, bos and eos ids");
    }

    @Test
    void tinyModelHasTheLlamaLayout() throws IOException {
        SyntheticModelSpec spec = spec(ModelShape.TINY, WeightFormat.Q8_0, SyntheticModelSpec.DEFAULT_SEED);
        Path file = dir.resolve(spec.fileName());
        long size = SyntheticModelGenerator.write(spec, file, (t, done, total) -> {});

        GgufFile gguf = GgufReader.read(file);
        GgufModelInfo info = gguf.modelInfo();
        assertEquals(Files.size(file), size);
        assertEquals("llama", info.architecture().orElseThrow());
        assertEquals("synthetic-tiny", info.name().orElseThrow());
        assertEquals(2, info.blockCount().getAsLong());
        assertEquals(64, info.embeddingLength().getAsLong());
        assertEquals(4, info.headCount().getAsLong());
        assertEquals(2, info.headCountKv().getAsLong());
        assertEquals(192, info.feedForwardLength().getAsLong());
        assertEquals(2048, info.contextLength().getAsLong());
        assertEquals(50257, info.vocabularySize().getAsLong());
        assertEquals("gpt2", info.tokenizerModel().orElseThrow());
        assertEquals("Q8_0", info.quantization());
        // token_embd, output, 2 x (q, k, v, o, gate, up, down) as Q8_0; 2 x 2 block norms and output_norm as F32
        assertEquals(Map.of(GgmlType.F32, 5, GgmlType.Q8_0, 16), info.tensorTypeHistogram());
        assertEquals(ModelShape.TINY.parameterCount(50257), info.parameterCount());
        GgufTensorInfo k = gguf.tensor("blk.1.attn_k.weight").orElseThrow();
        assertEquals(64, k.dimension(0), "the K projection reads the 64-wide residual stream");
        assertEquals(32, k.dimension(1), "and writes 2 KV heads of 16");
        assertEquals(gpt2.tokenizerKeys(), gguf.metadata().withPrefix("tokenizer."));
    }

    @Test
    void weightsAreSmallCentredAndIndependentOfStorageType() throws IOException {
        Path f32 = dir.resolve("f32.gguf");
        Path q8 = dir.resolve("q8.gguf");
        SyntheticModelGenerator.write(spec(ModelShape.TINY, WeightFormat.F32, 5), f32, (t, d, n) -> {});
        SyntheticModelGenerator.write(spec(ModelShape.TINY, WeightFormat.Q8_0, 5), q8, (t, d, n) -> {});

        float[] exact = values(f32, "blk.0.ffn_up.weight");
        double sum = 0, squares = 0;
        for (float v : exact) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / exact.length;
        double std = Math.sqrt(squares / exact.length - mean * mean);
        assertEquals(0, mean, 0.001);
        assertEquals(SyntheticModelGenerator.WEIGHT_STD, std, 0.001);

        float[] quantized = values(q8, "blk.0.ffn_up.weight");
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], quantized[i], 0.001, "the same value, stored as Q8_0: " + i);
        }
        for (float v : values(f32, "blk.1.ffn_norm.weight")) {
            assertEquals(1f, v);
        }
    }

    @Test
    void sameSpecGivesTheSameBytesAndAnotherSeedDifferentOnes() throws IOException {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        Path c = dir.resolve("c.gguf");
        SyntheticModelGenerator.write(spec(ModelShape.TINY, WeightFormat.F16, 1), a, (t, d, n) -> {});
        SyntheticModelGenerator.write(spec(ModelShape.TINY, WeightFormat.F16, 1), b, (t, d, n) -> {});
        SyntheticModelGenerator.write(spec(ModelShape.TINY, WeightFormat.F16, 2), c, (t, d, n) -> {});
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertNotEquals(Files.mismatch(a, c), -1L);
        assertFalse(Arrays.equals(values(a, "output.weight"), values(c, "output.weight")));
    }

    @Test
    void shapesHaveTheParameterCountsOfTheModelsTheyImitate() {
        assertEquals(134_515_008L, ModelShape.SMOL_135M.parameterCount(49_152), "SmolLM-135M");
        assertEquals(1_235_814_400L, ModelShape.LLAMA_1B.parameterCount(128_256), "Llama-3.2-1B");
        assertEquals(8_030_261_248L, ModelShape.LLAMA_8B.parameterCount(128_256), "Llama-3.1-8B");
    }

    @Test
    void fileNamesSayWhatIsInside() {
        assertEquals("synthetic-135m-gpt-2-q8_0.gguf", spec(ModelShape.SMOL_135M, WeightFormat.Q8_0, SyntheticModelSpec.DEFAULT_SEED).fileName());
        assertEquals("synthetic-8b-gpt-2-f16-seed7.gguf", spec(ModelShape.LLAMA_8B, WeightFormat.F16, 7).fileName());
    }

    @Test
    void cacheGeneratesOnceAndReplacesADamagedFile() throws IOException {
        SyntheticModelCache cache = new SyntheticModelCache(dir.resolve("models"));
        SyntheticModelSpec spec = spec(ModelShape.TINY, WeightFormat.Q8_0, SyntheticModelSpec.DEFAULT_SEED);

        SyntheticModelCache.Obtained first = cache.obtain(spec, (t, d, n) -> {});
        assertTrue(first.generated());
        assertEquals(dir.resolve("models").resolve("synthetic-tiny-gpt-2-q8_0.gguf"), first.path());
        SyntheticModelCache.Obtained second = cache.obtain(spec, (t, d, n) -> {});
        assertFalse(second.generated());
        assertEquals(first.size(), second.size());

        try (FileChannel channel = FileChannel.open(first.path(), StandardOpenOption.WRITE)) {
            channel.truncate(first.size() / 2);
        }
        SyntheticModelCache.Obtained third = cache.obtain(spec, (t, d, n) -> {});
        assertTrue(third.generated(), "a truncated file is generated again");
        assertEquals(first.size(), Files.size(third.path()));

        SyntheticModelCache.Obtained otherSeed = SyntheticModelCache.obtain(
                spec(ModelShape.TINY, WeightFormat.Q8_0, 9), first.path(), (t, d, n) -> {});
        assertTrue(otherSeed.generated(), "a file made with another seed is not reused");
    }

    private static SyntheticModelSpec spec(ModelShape shape, WeightFormat format, long seed) {
        return new SyntheticModelSpec(shape, format, gpt2, seed);
    }

    private static float[] values(Path file, String tensor) throws IOException {
        GgufFile gguf = GgufReader.read(file);
        GgufTensorInfo t = gguf.tensor(tensor).orElseThrow();
        ByteBuffer bytes = ByteBuffer.allocate((int) t.byteSize());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(bytes, gguf.dataOffset(t));
        }
        float[] out = new float[(int) t.elementCount()];
        TensorEncoding.decode(t.type(), bytes.flip(), out, 0, out.length);
        return out;
    }
}
