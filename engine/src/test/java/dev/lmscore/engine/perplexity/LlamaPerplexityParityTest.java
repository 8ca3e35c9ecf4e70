package dev.lmscore.engine.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.text.TextInput;
import org.junit.jupiter.api.Test;

/**
 * lmscore's chunked perplexity equals what llama-perplexity (built by native/ from the same source)
 * prints for the same model, text and settings.
 */
class LlamaPerplexityParityTest {

    @Test
    void wholeWikitextTestSetAtContext128() throws Exception {
        String threads = "2";
        String reference = TestData.runLlamaPerplexityUntil("Final estimate", "-m", TestData.stories260k().toString(),
                "-f", TestData.wikiTest().toString(), "-c", "128", "-t", threads);
        double[] expected = TestData.finalEstimate(reference);

        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            PerplexityResult result = Perplexity.run(model, TextInput.read(TestData.wikiTest()),
                    PerplexityOptions.chunked(128).withThreads(2), Progress.NONE);
            assertEquals(6322, result.windows().size());
            assertEquals(6322L * 63, result.total().count());
            assertEquals(expected[0], result.perplexity(), expected[0] * 1e-4, "PPL");
            assertEquals(expected[1], result.perplexityError(), expected[1] * 1e-4, "PPL error");
        }
    }

    @Test
    void exactSettingsMatchOnAPrefix() throws Exception {
        String reference = TestData.runLlamaPerplexityUntil("Final estimate", "-m", TestData.stories260k().toString(),
                "-f", TestData.wikiTest().toString(), "-c", "256", "-b", "1024", "--chunks", "60",
                "-fa", "off", "-ctk", "f32", "-ctv", "f32", "-t", "2");
        double[] expected = TestData.finalEstimate(reference);
        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            PerplexityResult result = Perplexity.run(model, TextInput.read(TestData.wikiTest()),
                    PerplexityOptions.chunked(256).withBatch(1024).withMaxWindows(60)
                            .withPrecision(FlashAttention.OFF, CacheType.F32), Progress.NONE);
            assertEquals(60L * 127, result.total().count());
            assertEquals(expected[0], result.perplexity(), expected[0] * 1e-4, "PPL");
            assertEquals(expected[1], result.perplexityError(), expected[1] * 1e-4, "PPL error");
        }
    }
}
