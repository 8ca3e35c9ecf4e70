package dev.lmscore.engine.choice;

import dev.lmscore.engine.stats.Proportion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChoiceMetricsTest {

    private static ChoiceItem item(String id, String group, int gold, String... continuations) {
        return new ChoiceItem(id, java.util.Arrays.stream(continuations).map(c -> new ChoiceRequest("ctx", c)).toList(), gold, group);
    }

    private static ChoiceResult r(double ll, int tokens) {
        return new ChoiceResult(ll, tokens, false);
    }

    @Test
    void accAndAccNormDisagreeWhenLengthsDiffer() {
        // gold is the long choice: less likely in total, more likely per character
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(item("0", null, 1, " no", " a much longer answer")));
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-2.0, 1), r(-6.0, 4))));
        assertEquals(0.0, scores.metric(ChoiceMetrics.ACC).value());
        // -2/2 = -1.0 vs -6/20 = -0.3 (lengths without the delimiter)
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_NORM).value());
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_BYTES).value());
        // -2/1 vs -6/4 = -1.5: the per-token mean picks the long one too
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_PER_TOKEN).value());
        assertEquals(0, scores.items().get(0).predicted());
    }

    @Test
    void accNormCountsCodePointsAndAccBytesCountsUtf8() {
        // "été" is 3 code points and 5 bytes; "eat!" 4 and 4.
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(item("0", null, 0, " été", " eat!")));
        // ll/len: -3/3 = -1.0 vs -3.6/4 = -0.9 -> norm picks 1; bytes: -3/5 = -0.6 vs -0.9 -> picks 0
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-3.0, 2), r(-3.6, 2))));
        assertEquals(0.0, scores.metric(ChoiceMetrics.ACC_NORM).value());
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_BYTES).value());
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC).value());
    }

    @Test
    void tiesGoToTheFirstChoice() {
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE,
                List.of(item("0", null, 0, " x", " y"), item("1", null, 1, " x", " y")));
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-1, 1), r(-1, 1)), List.of(r(-1, 1), r(-1, 1))));
        assertEquals(0.5, scores.metric(ChoiceMetrics.ACC).value());
    }

    @Test
    void mutualInformationSubtractsTheUnconditionalScore() {
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(item("0", null, 1, " the", " zebra")));
        var conditional = List.of(List.of(r(-1.0, 1), r(-3.0, 1)));
        var unconditional = List.of(List.of(r(-0.5, 1), r(-9.0, 1)));
        var scores = ChoiceMetrics.score(task, conditional, unconditional);
        assertEquals(0.0, scores.metric(ChoiceMetrics.ACC).value());
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_MUTUAL_INFO).value()); // -0.5 vs 6.0
        assertTrue(!ChoiceMetrics.score(task, conditional).has(ChoiceMetrics.ACC_MUTUAL_INFO));
    }

    @Test
    void trueChoicesCountAsCorrect() {
        var requests = List.of(new ChoiceRequest("q", " a"), new ChoiceRequest("q", " b"), new ChoiceRequest("q", " c"));
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(new ChoiceItem("0", requests, 0, List.of(0, 2), null)));
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-3, 1), r(-2, 1), r(-1, 1))));
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC).value());
    }

    @Test
    void mc2IsTheNormalizedMassOfTrueAnswers() {
        var requests = List.of(new ChoiceRequest("q", " a"), new ChoiceRequest("q", " b"), new ChoiceRequest("q", " c"));
        var task = new ChoiceTask("t", ScoringKind.MC2, List.of(
                new ChoiceItem("0", requests, 0, List.of(0, 1), null),
                new ChoiceItem("1", requests, 2, List.of(2), null)));
        double a = Math.log(0.2), b = Math.log(0.3), c = Math.log(0.1);
        // item 0: (0.2+0.3)/0.6; item 1: 0.1/0.6; in huge negative logs the same ratios must survive
        var results = List.of(List.of(r(a - 2000, 5), r(b - 2000, 5), r(c - 2000, 5)), List.of(r(a, 1), r(b, 1), r(c, 1)));
        var scores = ChoiceMetrics.score(task, results);
        var mc2 = scores.metric(ChoiceMetrics.MC2);
        assertEquals((0.5 / 0.6 + 0.1 / 0.6) / 2, mc2.value(), 1e-12);
        assertEquals(0.5 / 0.6, scores.items().get(0).values().get(ChoiceMetrics.MC2), 1e-12);
        double sd = Math.abs(0.5 / 0.6 - 0.1 / 0.6) / Math.sqrt(2);
        assertEquals(sd / Math.sqrt(2), mc2.standardError(), 1e-12);
    }

    @Test
    void greedyGivesAccuracyAndPerplexity() {
        var task = new ChoiceTask("lambada", ScoringKind.GREEDY, List.of(item("0", null, 0, " a"), item("1", null, 0, " b"),
                item("2", null, 0, " c")));
        var results = List.of(List.of(new ChoiceResult(-1.0, 1, true)), List.of(new ChoiceResult(-4.0, 2, false)),
                List.of(new ChoiceResult(-1.0, 1, true)));
        var scores = ChoiceMetrics.score(task, results);
        assertEquals(2.0 / 3, scores.metric(ChoiceMetrics.ACC).value(), 1e-15);
        assertEquals(Math.exp(6.0 / 4), scores.metric(ChoiceMetrics.PERPLEXITY).value(), 1e-12);
        assertEquals(Math.exp(2.0), scores.metric(ChoiceMetrics.DOC_PERPLEXITY).value(), 1e-12);
        // per-token NLL 1, 2, 1 around a rate of 1.5: residuals -0.5, 1, -0.5 -> se = sqrt(1.5/6)/(4/3)
        double se = Math.sqrt(1.5 / 6) / (4.0 / 3);
        assertEquals(Math.exp(1.5) * se, scores.metric(ChoiceMetrics.PERPLEXITY).standardError(), 1e-12);
        assertTrue(scores.metric(ChoiceMetrics.PERPLEXITY).interval95().contains(Math.exp(1.5)));
    }

    @Test
    void groupsGetMicroAndMacroAverages() {
        // group a: 2 of 3 right; group b: 1 of 1 right
        var task = new ChoiceTask("mmlu", ScoringKind.MULTIPLE_CHOICE, List.of(
                item("a0", "a", 0, " A", " B"), item("a1", "a", 0, " A", " B"), item("a2", "a", 1, " A", " B"),
                item("b0", "b", 1, " A", " B")));
        var left = List.of(r(-1, 1), r(-2, 1));
        var right = List.of(r(-2, 1), r(-1, 1));
        var scores = ChoiceMetrics.score(task, List.of(left, left, left, right));
        GroupedMetric acc = scores.groups().stream().filter(g -> g.metric().equals(ChoiceMetrics.ACC)).findFirst().orElseThrow();
        assertEquals(List.of("a", "b"), List.copyOf(acc.byGroup().keySet()));
        assertEquals(2.0 / 3, acc.byGroup().get("a").value(), 1e-15);
        assertEquals(1.0, acc.byGroup().get("b").value());
        assertEquals(0.75, acc.micro().value(), 1e-15);
        assertEquals((2.0 / 3 + 1.0) / 2, acc.macro().value(), 1e-15);
        assertEquals(4, acc.macro().count());
        // micro equals the task-level figure, Wilson interval included
        assertEquals(scores.metric(ChoiceMetrics.ACC), acc.micro());
        assertEquals(new Proportion(3, 4).wilson95(), acc.micro().interval95());
    }

    @Test
    void unlabelledItemsAreLeftOutAndShapesChecked() {
        var task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(item("0", null, -1, " a", " b"), item("1", null, 0, " a", " b")));
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-1, 1), r(-2, 1)), List.of(r(-1, 1), r(-2, 1))));
        assertEquals(1, scores.unscored());
        assertEquals(1, scores.metric(ChoiceMetrics.ACC).count());
        assertThrows(IllegalArgumentException.class, () -> ChoiceMetrics.score(task, List.of(List.of(r(-1, 1)))));
    }

    @Test
    void partialTasksReportAccuracies() {
        var shared = " was big.";
        var task = new ChoiceTask("w", ScoringKind.PARTIAL, List.of(new ChoiceItem("0",
                List.of(new ChoiceRequest("the trophy", shared), new ChoiceRequest("the case", shared)), 0, null)));
        var scores = ChoiceMetrics.score(task, List.of(List.of(r(-3, 3), r(-2, 1))));
        assertEquals(0.0, scores.metric(ChoiceMetrics.ACC).value());
        assertEquals(1.0, scores.metric(ChoiceMetrics.ACC_PER_TOKEN).value()); // -1 vs -2
        assertTrue(!scores.has(ChoiceMetrics.ACC_NORM));
    }
}
