package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceSummaryTest {

    private static ItemResult result(int gold, List<String> continuations, double[] logLikelihoods, int[] tokens,
                                     boolean[] greedy) {
        List<ChoiceRequest> choices = continuations.stream().map(c -> new ChoiceRequest("Q:", c)).toList();
        ChoiceItem item = new ChoiceItem("x", choices, gold, List.of(gold), null);
        return new ItemResult(item, 0, logLikelihoods, tokens, greedy);
    }

    @Test
    void accAndAccNormDisagreeWhenALongerChoiceIsLessLikelyInTotalButMoreLikelyPerCharacter() {
        // " a": -3.0 in total, -3.0 per character; " abcdefgh": -6.0 in total, -0.75 per character
        ItemResult r = result(1, List.of(" a", " abcdefgh"), new double[] {-3.0, -6.0}, new int[] {1, 3},
                new boolean[] {false, false});
        assertEquals(0, r.prediction());
        assertEquals(1, r.predictionPerCharacter(), "acc_norm divides by the choice's characters, not the delimiter");
        assertEquals(1, r.predictionPerToken(), "-3.0 per token against -2.0");
        ChoiceSummary s = ChoiceSummary.of(ScoringKind.MULTIPLE_CHOICE, List.of(r));
        assertEquals(0.0, s.metrics().get("acc").value());
        assertEquals(1.0, s.metrics().get("acc_norm").value());
        assertEquals(1.0, s.metrics().get("acc_llamacpp").value());
    }

    @Test
    void normalisationCountsCodePointsWithoutTheLeadingDelimiter() {
        assertEquals(5, ItemResult.normalizationLength(" na\u00efve"));
        assertEquals(2, ItemResult.normalizationLength(" \uD83D\uDE00\uD83D\uDE00"), "two emoji are two code points");
        assertEquals(3, ItemResult.normalizationLength("abc"));
        assertEquals(1, ItemResult.normalizationLength(" "), "never zero");
    }

    @Test
    void tiesGoToTheFirstChoice() {
        ItemResult r = result(1, List.of(" x", " y"), new double[] {-2.0, -2.0}, new int[] {1, 1},
                new boolean[] {true, true});
        assertEquals(0, r.prediction());
        assertEquals(0, r.predictionPerToken());
    }

    @Test
    void standardErrorIsTheSampleDeviationOverRootN() {
        ItemResult right = result(0, List.of(" x", " y"), new double[] {-1, -2}, new int[] {1, 1}, new boolean[2]);
        ItemResult wrong = result(1, List.of(" x", " y"), new double[] {-1, -2}, new int[] {1, 1}, new boolean[2]);
        ChoiceSummary s = ChoiceSummary.of(ScoringKind.MULTIPLE_CHOICE, List.of(right, wrong, wrong, wrong));
        assertEquals(0.25, s.metrics().get("acc").value());
        assertEquals(Math.sqrt(0.25 * 0.75 / 3), s.metrics().get("acc").stderr(), 1e-12);
        assertEquals(4, s.n());
    }

    @Test
    void greedyTasksCountItemsWhoseContinuationIsTheModelsTopChoiceThroughout() {
        ItemResult hit = result(0, List.of(" time"), new double[] {-0.5}, new int[] {1}, new boolean[] {true});
        ItemResult miss = result(0, List.of(" banana"), new double[] {-9}, new int[] {2}, new boolean[] {false});
        ChoiceSummary s = ChoiceSummary.of(ScoringKind.GREEDY, List.of(hit, miss));
        assertEquals(0.5, s.metrics().get("acc").value());
        assertEquals(1, s.metrics().size());
    }

    @Test
    void mc2IsTheNormalisedProbabilityOfTheTrueChoices() {
        List<ChoiceRequest> choices = List.of(new ChoiceRequest("Q:", " a"), new ChoiceRequest("Q:", " b"),
                new ChoiceRequest("Q:", " c"));
        ChoiceItem item = new ChoiceItem("m", choices, 0, List.of(0, 1), null);
        ItemResult r = new ItemResult(item, 0, new double[] {Math.log(0.2), Math.log(0.1), Math.log(0.1)},
                new int[] {1, 1, 1}, new boolean[3]);
        assertEquals(0.75, ChoiceSummary.of(ScoringKind.MC2, List.of(r)).metrics().get("mc2").value(), 1e-12);
    }
}
