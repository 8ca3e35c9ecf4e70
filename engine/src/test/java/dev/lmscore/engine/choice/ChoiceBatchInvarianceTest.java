package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-item log-likelihoods do not depend on how items are packed into decodes (one item per
 * decode, groups of 512 or 2048 tokens, a group cut into slices of 64 tokens) or on the thread
 * count.
 *
 * <p>Run in the exact setting (no flash attention, F32 KV cache): at llama.cpp's default
 * precision the attention kernel itself changes with the batch shape (ubatches of fewer than 64
 * tokens take an F16-accumulating flash-attention path), which moves a choice's log-likelihood by
 * up to ~0.03 nats. In the exact setting what remains is float summation order inside llama.cpp's
 * softmax and V·softmax over the KV cells, which depends on where a sequence's cells sit in the
 * unified cache: a few 1e-7 relative, so the bound is 1e-6 relative (1e-5 on the short items here).
 */
class ChoiceBatchInvarianceTest {
    private static Model model;

    @BeforeAll
    static void load() {
        model = Model.load(TestData.stories260k(), ModelOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ChoiceRun run(ChoiceTask task, ChoiceOptions options) {
        return ChoiceScorer.run(model, task, options, r -> { }, Progress.NONE);
    }

    @Test
    void arcEasyAndWinograndeScoresDoNotDependOnPackingOrThreads() {
        for (String name : List.of("arc_easy", "winogrande")) {
            ChoiceTask task = new BuiltinTaskLoader().load(name, TestData.data("eval/mc/" + name + ".jsonl"), 40);
            ChoiceOptions exact = ChoiceOptions.defaults().exact();
            int widest = task.items().stream().mapToInt(i -> i.choices().size()).max().orElseThrow();
            ChoiceRun reference = run(task, exact.withUbatch(2048).withThreads(1)); // groups fill 2048 tokens
            assertTrue(reference.groups() <= 5, "many items per decode: " + reference.groups() + " groups");
            List<ChoiceRun> others = new ArrayList<>();
            others.add(run(task, exact.withUbatch(2048).withThreads(2)));
            others.add(run(task, exact.withThreads(1))); // groups of one ubatch (512)
            ChoiceRun oneItemEach = run(task, exact.withMaxSequences(widest).withThreads(1));
            assertTrue(oneItemEach.groups() >= 35, "about one item per decode: " + oneItemEach.groups() + " groups");
            others.add(oneItemEach);
            ChoiceRun slices = run(task, exact.withContext(2048, 64).withUbatch(2048).withThreads(1));
            assertTrue(slices.decodes() > 4L * slices.groups(), "groups decoded in several slices");
            others.add(slices);
            for (ChoiceRun other : others) {
                assertEquals(reference.results().size(), other.results().size());
                for (int i = 0; i < reference.results().size(); i++) {
                    ItemResult a = reference.results().get(i);
                    ItemResult b = other.results().get(i);
                    assertEquals(a.item().id(), b.item().id());
                    assertArrayEquals(a.tokenCounts(), b.tokenCounts());
                    for (int c = 0; c < a.choices(); c++) {
                        double ll = a.logLikelihoods()[c];
                        assertEquals(ll, b.logLikelihoods()[c], 1e-6 * Math.abs(ll),
                                name + " item " + a.item().id() + " choice " + c + " with " + other.options());
                    }
                }
            }
        }
    }
}
