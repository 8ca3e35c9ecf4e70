package dev.lmscore.engine.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import dev.lmscore.engine.perplexity.Perplexity;
import dev.lmscore.engine.perplexity.PerplexityOptions;
import dev.lmscore.engine.perplexity.PerplexityResult;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.text.TextInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Long-lived processes (servers, sweeps over many checkpoints) open and close models and contexts
 * many times: native memory must be given back, and contexts on one model must not interfere.
 */
class ResourceLifecycleTest {
    /** Resident-set growth allowed over 450 cycles after warm-up: far below one leaked context per cycle. */
    private static final long MAX_GROWTH_BYTES = 64L << 20;
    private static final PerplexityOptions SMALL = PerplexityOptions.chunked(64).withBatch(64).withThreads(1).withMaxWindows(1);

    @Test
    void fiveHundredOpenScoreCloseCyclesKeepResidentMemoryFlat() throws IOException {
        String text = TextInput.read(TestData.wikiTest()).substring(0, 2_000);
        Path model = TestData.stories260k();
        long afterWarmUp = 0;
        for (int cycle = 0; cycle < 500; cycle++) {
            try (Model m = Model.load(model, ModelOptions.defaults())) {
                PerplexityResult r = Perplexity.run(m, text, SMALL, Progress.NONE);
                assertEquals(1, r.windows().size());
            }
            if (cycle == 49) {
                System.gc();
                afterWarmUp = residentBytes();
            }
        }
        System.gc();
        long growth = residentBytes() - afterWarmUp;
        assertTrue(growth < MAX_GROWTH_BYTES, "VmRSS grew by " + (growth >> 20) + " MiB over 450 cycles");
    }

    @Test
    void twoThreadsWithTwoContextsOnOneModelScoreAsOne() throws Exception {
        String text = TextInput.read(TestData.wikiTest()).substring(0, 60_000);
        PerplexityOptions options = PerplexityOptions.chunked(128).withBatch(256).withThreads(1).withMaxWindows(12);
        try (Model m = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            PerplexityResult alone = Perplexity.run(m, text, options, Progress.NONE);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<PerplexityResult> a = pool.submit(() -> Perplexity.run(m, text, options, Progress.NONE));
                Future<PerplexityResult> b = pool.submit(() -> Perplexity.run(m, text, options, Progress.NONE));
                assertEquals(alone.windows(), a.get().windows(), "per-chunk sums, thread 1");
                assertEquals(alone.windows(), b.get().windows(), "per-chunk sums, thread 2");
            } finally {
                pool.shutdown();
            }
        }
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
