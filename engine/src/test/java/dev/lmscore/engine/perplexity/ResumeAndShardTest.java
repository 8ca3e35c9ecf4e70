package dev.lmscore.engine.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.stats.NllStats;
import dev.lmscore.engine.text.Text;
import dev.lmscore.engine.text.TextInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window groups are fixed by the plan, so shards and resumed runs decode each chunk in the same
 * batch as one uninterrupted run: their combined sums are bit-identical, at default precision too.
 */
class ResumeAndShardTest {
    private static Model model;
    private static String text;
    private static final PerplexityOptions OPTIONS = PerplexityOptions.chunked(128).withBatch(512).withMaxWindows(22);

    @BeforeAll
    static void load() {
        model = Model.load(TestData.stories260k(), ModelOptions.defaults());
        text = TextInput.read(TestData.wikiTest()).substring(0, 150_000);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void fourShardsCombineToExactlyOneRun() {
        PerplexityResult whole = Perplexity.run(model, text, OPTIONS, Progress.NONE);
        List<WindowScore> combined = new ArrayList<>();
        int planned = 0;
        for (int shard = 0; shard < 4; shard++) {
            PerplexityResult part = Perplexity.run(model, Text.of(text), OPTIONS,
                    new RunSelection(shard, 4, List.of(), s -> { }), Progress.NONE);
            combined.addAll(part.windows());
            planned += part.plannedWindows();
        }
        combined.sort(Comparator.comparingInt(WindowScore::window));
        assertEquals(whole.totalWindows(), planned, "shards cover every chunk once");
        assertEquals(whole.windows(), combined, "per-chunk sums identical");
        assertEquals(whole.total(), sum(combined));
    }

    @Test
    void resumingFromACheckpointGivesTheUninterruptedResult() {
        PerplexityResult whole = Perplexity.run(model, text, OPTIONS, Progress.NONE);
        List<WindowScore> checkpoint = new ArrayList<>(whole.windows().subList(0, 9)); // 2 full groups and a part
        List<WindowScore> reported = new ArrayList<>();
        PerplexityResult resumed = Perplexity.run(model, Text.of(text), OPTIONS,
                new RunSelection(0, 1, checkpoint, reported::addAll), Progress.NONE);
        assertEquals(whole.windows(), resumed.windows());
        assertEquals(whole.total(), resumed.total());
        assertTrue(reported.stream().allMatch(w -> w.window() >= 8), "only groups not complete are recomputed");
    }

    private static NllStats sum(List<WindowScore> scores) {
        NllStats total = NllStats.EMPTY;
        for (WindowScore s : scores) {
            total = total.plus(s.nll());
        }
        return total;
    }
}
