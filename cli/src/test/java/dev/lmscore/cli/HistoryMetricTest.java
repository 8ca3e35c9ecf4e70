package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.history.HistoryStore;
import dev.lmscore.engine.history.Metric;
import dev.lmscore.engine.history.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which metric history and plot show when the history mixes perplexity, choice and mc2 runs. */
class HistoryMetricTest {
    @TempDir Path dir;

    private static RunRecord run(int minute, String command, String dataset, Map<String, Metric> metrics) {
        return new RunRecord(0, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * minute), command, "stories260K",
                "/m/stories260K.gguf", "0".repeat(64), "F32", dataset, "1".repeat(64), "{}", metrics);
    }

    private static final RunRecord PERPLEXITY = run(0, "perplexity", "wiki.test.raw",
            Map.of("ppl", new Metric(40.5, 0.7), "nll", Metric.of(3.7), "bits_per_byte", Metric.of(1.3)));
    private static final RunRecord CHOICE = run(1, "choice:arc_easy", "arc_easy.jsonl",
            Map.of("acc", new Metric(0.3, 0.08), "acc_norm", new Metric(0.26, 0.08), "items", Metric.of(30)));
    private static final RunRecord MC2 = run(2, "choice:truthfulqa_mc2", "truthfulqa_mc2.jsonl",
            Map.of("mc2", new Metric(0.45, 0.05), "items", Metric.of(30)));
    private static final RunRecord NONE = run(3, "other", "x.txt", Map.of("items", Metric.of(3)));

    @Test
    void eachRunIsShownByItsPrimaryMetricUnlessOneIsAskedFor() {
        assertEquals("ppl", HistoryMetric.primary(PERPLEXITY));
        assertEquals("acc", HistoryMetric.primary(CHOICE));
        assertEquals("mc2", HistoryMetric.primary(MC2), "TruthfulQA mc2 has no acc");
        assertNull(HistoryMetric.primary(NONE));
        assertEquals("acc_norm", HistoryMetric.forRun(PERPLEXITY, "acc_norm"));
    }

    @Test
    void aChartShowsTheLatestRunsPrimaryMetric() {
        assertEquals("mc2", HistoryMetric.forChart(List.of(PERPLEXITY, CHOICE, MC2), null));
        assertEquals("acc", HistoryMetric.forChart(List.of(PERPLEXITY, CHOICE, NONE), null), "a run with none is passed over");
        assertEquals("ppl", HistoryMetric.forChart(List.of(PERPLEXITY, CHOICE), "ppl"));
        LmscoreException none = assertThrows(LmscoreException.class, () -> HistoryMetric.forChart(List.of(NONE), null));
        assertTrue(none.getMessage().contains("--metric: items"), none.getMessage());
        assertThrows(LmscoreException.class, () -> HistoryMetric.forChart(List.of(), null));
    }

    @Test
    void anUnrecordedMetricIsRefusedNamingTheRecordedOnes() {
        LmscoreException e = assertThrows(LmscoreException.class,
                () -> HistoryMetric.requireRecorded(List.of(PERPLEXITY, CHOICE), "accuracy"));
        assertEquals("no recorded run has the metric 'accuracy'; the matching runs have: acc, acc_norm, bits_per_byte, items, nll, ppl",
                e.getMessage());
    }

    @Test
    void historyAndPlotOfMixedRuns() {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            for (RunRecord r : List.of(PERPLEXITY, CHOICE, MC2)) store.record(r);
        }
        CliRun table = CliRun.of("history", "--history-db", db.toString());
        assertEquals(0, table.exitCode(), table.err());
        List<String> rows = table.out().lines().toList();
        assertTrue(rows.get(1).contains(" ppl ") && rows.get(1).contains("40.500 ± 0.700"), table.out());
        assertTrue(rows.get(2).contains(" acc ") && rows.get(2).contains("0.30000 ± 0.0800"), table.out());
        assertTrue(rows.get(3).contains(" mc2 ") && rows.get(3).contains("0.45000 ± 0.0500"), table.out());

        CliRun plot = CliRun.of("plot", "--history-db", db.toString(), "--out", dir.resolve("p.png").toString());
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(plot.out().contains(": mc2 of 1 run; 2 runs without mc2 left out"), plot.out());
    }
}
