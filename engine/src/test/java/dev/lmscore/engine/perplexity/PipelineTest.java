package dev.lmscore.engine.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.text.TextInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipelined loop (scoring overlapped with the next decode) gives the sequential loop's numbers, bit for bit. */
class PipelineTest {

    @Test
    void pipelinedEqualsSequentialForChunkedAndRolling() {
        String text = TextInput.read(TestData.wikiTest()).substring(0, 120_000);
        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            for (PerplexityOptions options : List.of(
                    PerplexityOptions.chunked(128).withBatch(512).withMaxWindows(30),
                    PerplexityOptions.chunked(128).withBatch(64).withMaxWindows(6),   // chunks longer than a batch
                    PerplexityOptions.chunked(96).withMode(PerplexityOptions.Mode.ROLLING).withStride(48).withMaxWindows(40))) {
                PerplexityResult sequential = Perplexity.run(model, text, options, Progress.NONE);
                PerplexityResult pipelined = Perplexity.run(model, text, options.withPipeline(true), Progress.NONE);
                assertEquals(sequential.windows(), pipelined.windows(), options.toString());
                assertEquals(sequential.total(), pipelined.total());
            }
        }
    }
}
