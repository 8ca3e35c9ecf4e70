package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Interruption;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shards, resumed runs and stopped runs decode every item in the group of one uninterrupted run,
 * so their results are bit-identical to it. Packing matters: these 60 ARC-Easy items, scored with
 * the first three left out (so packed into other groups), differ in 16 of 228 choices by up to
 * 3e-3 nats at llama.cpp's default precision (2e-5 in the exact setting); in groups of 2048
 * tokens, in every choice by up to 1.3e-2 nats. The thread count changes no bit.
 */
class ChoiceResumeAndShardTest {
    // default precision and group size (512 tokens): 18 groups of about three items
    private static final ChoiceOptions OPTIONS = ChoiceOptions.defaults().withThreads(1);
    private static Model model;
    private static ChoiceTask task;
    private static ChoiceRun whole;

    @BeforeAll
    static void scoreWholeTask() {
        model = Model.load(TestData.stories260k(), ModelOptions.defaults());
        task = new BuiltinTaskLoader().load("arc_easy", TestData.data("eval/mc/arc_easy.jsonl"), 60);
        whole = ChoiceScorer.run(model, task, OPTIONS, r -> { }, Progress.NONE);
        assertTrue(whole.groups() >= 12, "many groups: " + whole.groups());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ChoiceRun run(ChoiceSelection selection) {
        return ChoiceScorer.run(model, task, OPTIONS, selection, Progress.NONE);
    }

    @Test
    void shardsTogetherGiveTheWholeRunsResultsBitForBit() {
        List<ItemResult> combined = new ArrayList<>();
        int planned = 0;
        for (int i = 0; i < 3; i++) {
            ChoiceRun shard = run(new ChoiceSelection(i, 3, List.of(), r -> { }));
            assertFalse(shard.interrupted());
            assertTrue(shard.results().size() < whole.results().size(), "a part only");
            planned += shard.plannedItems();
            combined.addAll(shard.results());
        }
        combined.sort(Comparator.comparingInt(ItemResult::index));
        assertEquals(whole.results().size(), planned, "shards cover every item once");
        assertSameResults(whole.results(), combined);
    }

    @Test
    void resumingDecodesPartlyRecordedGroupsWholeAndReportsOnlyNewItems() {
        // the groups are items 0..3, 4..6, 7..10, ..., 25..27, ..., 38..41, ...: the first two are
        // recorded whole, those of items 7..10, 25..27 and 38..41 only in part
        List<ItemResult> recorded = new ArrayList<>(whole.results().subList(0, 10));
        recorded.add(whole.results().get(25));
        recorded.add(whole.results().get(41));
        List<ItemResult> reported = new ArrayList<>();
        ChoiceRun resumed = run(new ChoiceSelection(0, 1, recorded, reported::add));
        assertSameResults(whole.results(), resumed.results());
        assertEquals(recorded.size(), resumed.recoveredItems());
        Set<Integer> recordedIndices = recorded.stream().map(ItemResult::index).collect(Collectors.toSet());
        assertEquals(whole.results().size() - recorded.size(), reported.size(), "each new item reported once");
        assertTrue(reported.stream().noneMatch(r -> recordedIndices.contains(r.index())), "recorded items not reported again");
        assertTrue(resumed.groups() < whole.groups(), "fully recorded groups are not decoded");
    }

    @Test
    void aStoppedRunKeepsWholeGroupsAndResumesToTheSameResults() {
        List<ItemResult> scored = new ArrayList<>();
        ChoiceRun stopped;
        try {
            stopped = run(new ChoiceSelection(0, 1, List.of(), r -> {
                scored.add(r);
                if (scored.size() == 7) {
                    Interruption.request(); // as Ctrl-C would, in the middle of reporting a group
                }
            }));
        } finally {
            Interruption.reset();
        }
        assertTrue(stopped.interrupted());
        assertEquals(scored.size(), stopped.results().size());
        assertTrue(scored.size() >= 7 && scored.size() < whole.results().size(), scored.size() + " items");
        ChoiceRun resumed = run(new ChoiceSelection(0, 1, scored, r -> { }));
        assertFalse(resumed.interrupted());
        assertSameResults(whole.results(), resumed.results());
    }

    static void assertSameResults(List<ItemResult> expected, List<ItemResult> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            ItemResult a = expected.get(i);
            ItemResult b = actual.get(i);
            assertEquals(a.index(), b.index());
            assertArrayEquals(a.logLikelihoods(), b.logLikelihoods(), "item " + a.item().id() + ": bit for bit");
            assertArrayEquals(a.tokenCounts(), b.tokenCounts());
            assertArrayEquals(a.greedy(), b.greedy());
        }
    }
}
