package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.llama.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LAMBADA-style scoring: an item is right iff greedy decoding would produce every continuation token. */
class GreedyContinuationTest {
    private static Model model;

    @BeforeAll
    static void load() {
        model = Model.load(TestData.stories260k(), ModelOptions.defaults());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<ItemResult> score(ChoiceTask task) {
        List<ItemResult> results = new ArrayList<>();
        ChoiceScorer.run(model, task, ChoiceOptions.defaults().exact().withThreads(1), results::add, Progress.NONE);
        return results;
    }

    @Test
    void lambadaGreedyFlagsAndLogLikelihoodsMatchTheNaiveReference() {
        ChoiceTask task = new BuiltinTaskLoader().load("lambada_openai", TestData.data("eval/mc/lambada_openai.jsonl"), 4);
        assertEquals(ScoringKind.GREEDY, task.kind());
        List<ItemResult> results = score(task);
        Vocabulary vocabulary = model.vocabulary();
        try (NaiveReference naive = new NaiveReference(model, true)) {
            for (ItemResult r : results) {
                ChoiceRequest q = r.item().choices().getFirst();
                assertTrue(q.continuation().startsWith(" "), "target delimiter");
                int[] context = vocabulary.tokenize(q.context(), false, false);
                int[] whole = vocabulary.tokenize(q.context() + q.continuation(), false, false);
                NaiveReference.Score expected = naive.score(NaiveLogLikelihoodTest.withBos(vocabulary, whole),
                        1 + context.length);
                assertEquals(expected.greedy(), r.greedy()[0], "item " + r.item().id());
                assertEquals(expected.logLikelihood(), r.logLikelihoods()[0], 1e-6 * Math.abs(expected.logLikelihood()));
            }
        }
    }

    @Test
    void aStoryModelContinuesOnceUponAWithTime() {
        ChoiceItem time = new ChoiceItem("time", List.of(new ChoiceRequest("Once upon a", " time")), 0, List.of(0), null);
        ChoiceItem banana = new ChoiceItem("banana", List.of(new ChoiceRequest("Once upon a", " banana")), 0, List.of(0), null);
        ChoiceTask task = new ChoiceTask("greedy", ScoringKind.GREEDY, List.of(time, banana));
        List<ItemResult> results = score(task);
        assertTrue(results.get(0).greedy()[0], "' time' is the model's top continuation");
        assertFalse(results.get(1).greedy()[0]);
        assertTrue(results.get(0).logLikelihoods()[0] > results.get(1).logLikelihoods()[0]);
        assertEquals(0.5, ChoiceMetrics.scoreItems(task, results, null).metric(ChoiceMetrics.ACC).value());
    }
}
