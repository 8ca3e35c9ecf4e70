package dev.lmscore.engine.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.text.TextInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same NLL whatever the batch size (one sequence per decode or many) and thread count. In the
 * exact setting (no flash attention, F32 KV cache) llama.cpp's logits do not depend on how rows are
 * batched, and the totals agree to 1e-9; with llama.cpp's defaults the F16 cache and flash
 * attention round differently for different batch shapes, which moves the total by about 3e-5.
 */
class BatchInvarianceTest {
    private static Model model;
    private static String text;

    @BeforeAll
    static void load() {
        model = Model.load(TestData.stories260k(), ModelOptions.defaults());
        text = TextInput.read(TestData.wikiTest()).substring(0, 200_000);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static PerplexityResult run(int batch, int threads) {
        return Perplexity.run(model, text, exact(batch, threads), Progress.NONE);
    }

    private static PerplexityOptions exact(int batch, int threads) {
        return PerplexityOptions.chunked(128).withBatch(batch).withThreads(threads).withMaxWindows(40)
                .withPrecision(FlashAttention.OFF, CacheType.F32);
    }

    @Test
    void chunkedNllDoesNotDependOnBatchingOrThreads() {
        PerplexityResult reference = run(128, 1); // one chunk per decode, one thread
        for (int[] setting : new int[][] {{2048, 1}, {2048, 2}, {512, 2}, {64, 2}}) {
            PerplexityResult other = run(setting[0], setting[1]);
            assertEquals(reference.total().count(), other.total().count());
            assertEquals(reference.total().sum(), other.total().sum(), Math.abs(reference.total().sum()) * 1e-9,
                    "batch " + setting[0] + ", threads " + setting[1]);
            for (int w = 0; w < reference.windows().size(); w++) {
                assertEquals(reference.windows().get(w).nll().sum(), other.windows().get(w).nll().sum(), 1e-6,
                        "chunk " + w + " at batch " + setting[0]);
            }
        }
    }

    @Test
    void defaultPrecisionAgreesToF16Rounding() {
        PerplexityOptions defaults = PerplexityOptions.chunked(128).withMaxWindows(40);
        PerplexityResult one = Perplexity.run(model, text, defaults.withBatch(128).withThreads(1), Progress.NONE);
        PerplexityResult many = Perplexity.run(model, text, defaults.withBatch(2048).withThreads(2), Progress.NONE);
        assertEquals(one.total().sum(), many.total().sum(), Math.abs(one.total().sum()) * 1e-4);
    }

    @Test
    void rollingModeScoresEveryTokenOnceWhateverTheBatch() {
        PerplexityOptions base = exact(128, 1).withMode(PerplexityOptions.Mode.ROLLING).withMaxWindows(0);
        String sample = text.substring(0, 20_000);
        PerplexityResult a = Perplexity.run(model, sample, base.withBatch(128).withThreads(1), Progress.NONE);
        PerplexityResult b = Perplexity.run(model, sample, base.withBatch(2048).withThreads(2), Progress.NONE);
        int tokens = model.vocabulary().tokenize(sample, false, false).length;
        assertEquals(tokens, a.total().count(), "every token scored exactly once");
        assertEquals(tokens, b.total().count());
        assertEquals(a.total().sum(), b.total().sum(), Math.abs(a.total().sum()) * 1e-9);
        assertEquals(sample.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, a.scoredBytes(),
                "bits per byte divide by exactly the text's bytes");
    }
}
