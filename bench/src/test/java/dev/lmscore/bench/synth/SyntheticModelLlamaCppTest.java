package dev.lmscore.bench.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.bench.SharedData;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated models must load and run in llama.cpp itself: each is evaluated by llama.cpp's
 * {@code llama-perplexity} on a slice of WikiText-2, which must finish with a finite perplexity.
 * A random model knows nothing, so its perplexity is about the vocabulary size.
 */
class SyntheticModelLlamaCppTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "tiny {0} with the {1} vocabulary")
    @CsvSource({"f16, gpt-2", "q8_0, gpt-2", "f16, llama-spm", "q8_0, llama-spm"})
    void tinyModelRunsInLlamaCpp(String type, String vocabularyName) throws Exception {
        LlamaPerplexity.requireBinary();
        Vocabulary vocabulary = Vocabulary.load(SharedData.file("models/vocab/ggml-vocab-" + vocabularyName + ".gguf"));
        SyntheticModelSpec spec = new SyntheticModelSpec(ModelShape.TINY, WeightFormat.fromId(type), vocabulary, SyntheticModelSpec.DEFAULT_SEED);
        Path model = dir.resolve(spec.fileName());
        SyntheticModelGenerator.write(spec, model, (t, done, total) -> {});
        GgufFile gguf = GgufReader.read(model);
        assertEquals(spec.parameterCount(), gguf.parameterCount());

        LlamaPerplexity.Result result = LlamaPerplexity.run(model, wikiTextSlice(), dir.resolve("perplexity.log"),
                "-c", "128", "--chunks", "2", "-t", "2", "-lv", "4"); // -lv 4: also print the model info

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(Double.isFinite(result.perplexity()) && result.perplexity() > 1, "no finite 'Final estimate: PPL' line:\n" + result.output());
        // Random logits of small spread: close to uniform over the vocabulary, but not exactly uniform.
        assertTrue(result.perplexity() > vocabulary.size() * 0.5 && result.perplexity() < vocabulary.size() * 2,
                "perplexity " + result.perplexity() + " far from the vocabulary size " + vocabulary.size());
        assertTrue(result.output().contains("file type   = " + (type.equals("f16") ? "F16" : "Q8_0")), "llama.cpp sees the file type");
    }

    /** The first 30,000 bytes of WikiText-2's test split: thousands of tokens, enough for two chunks of 128. */
    private Path wikiTextSlice() throws Exception {
        byte[] text = Files.readAllBytes(SharedData.file("eval/wikitext-2/wiki.test.raw"));
        String slice = new String(Arrays.copyOf(text, 30_000), StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("wiki-slice.txt"), slice.substring(0, slice.lastIndexOf('\n') + 1));
    }
}
