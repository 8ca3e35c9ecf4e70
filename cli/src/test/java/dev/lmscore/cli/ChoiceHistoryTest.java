package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** choice --record, then history and plot show the runs' accuracy without being told the metric. */
class ChoiceHistoryTest {
    @TempDir Path dir;

    private static final String HELLASWAG = CliRun.data("eval/hellaswag/hellaswag_val_full.txt").toString();

    @Test
    void choiceRunsAreListedAndPlottedByAccuracy() throws Exception {
        Path db = dir.resolve("h.db");
        record(db, "--task", "hellaswag-llamacpp", "-f", HELLASWAG, "--limit", "30");
        record(db, "--task", "arc_easy", "-f", CliRun.data("eval/mc/arc_easy.jsonl").toString(), "--limit", "30");

        CliRun json = CliRun.of("history", "--history-db", db.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode runs = Json.MAPPER.readTree(json.out());
        assertEquals(2, runs.size());
        assertEquals("choice:hellaswag-llamacpp", runs.get(0).get("command").asText());
        assertEquals("hellaswag_val_full.txt", runs.get(0).get("dataset").asText());
        assertEquals("choice:arc_easy", runs.get(1).get("command").asText());
        double[] acc = new double[2];
        for (int i = 0; i < 2; i++) {
            JsonNode run = runs.get(i);
            assertEquals("acc", run.get("primary_metric").asText());
            acc[i] = run.at("/metrics/acc/value").asDouble();
            assertTrue(acc[i] >= 0 && acc[i] <= 1, "acc " + acc[i]);
            assertTrue(run.at("/metrics/acc/error").asDouble() > 0, "a standard error is recorded");
            assertTrue(run.at("/metrics/acc_norm/value").isNumber(), run.toString());
        }

        // no --metric: each row shows its acc, not an empty ppl column
        CliRun table = CliRun.of("history", "--history-db", db.toString());
        assertEquals(0, table.exitCode(), table.err());
        List<String> rows = table.out().lines().toList();
        assertEquals(3, rows.size(), table.out());
        for (int i = 0; i < 2; i++) {
            String row = rows.get(i + 1);
            assertTrue(row.contains(" acc ") && row.contains(String.format("%.5g ± ", acc[i])), row);
        }

        Path png = dir.resolve("acc.png");
        Path svg = dir.resolve("acc.svg");
        CliRun plot = CliRun.of("plot", "--history-db", db.toString(), "--out", png.toString(), "--svg", svg.toString(),
                "--width", "640", "--height", "400");
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(plot.out().contains(": acc of 2 runs"), plot.out());
        assertImage(png, 640, 400);
        assertTrue(Files.readString(svg).contains("acc by run time"), "the chart is titled by its metric");

        CliRun norm = CliRun.of("plot", "--history-db", db.toString(), "--metric", "acc_norm", "--out", png.toString(),
                "--svg", svg.toString(), "--x", "label");
        assertEquals(0, norm.exitCode(), norm.err());
        assertTrue(norm.out().contains(": acc_norm of 2 runs"), norm.out());
        assertImage(png, 1000, 600);
        assertTrue(Files.readString(svg).contains("acc_norm by checkpoint"));

        // a perplexity metric on choice runs: one line naming what they have
        assertUnknownMetric(CliRun.of("history", "--history-db", db.toString(), "--metric", "ppl"));
        assertUnknownMetric(CliRun.of("plot", "--history-db", db.toString(), "--metric", "ppl", "--out", png.toString()));
    }

    private static void assertUnknownMetric(CliRun run) {
        assertEquals(3, run.exitCode(), run.out());
        String error = run.err().strip();
        assertFalse(error.contains("\n"), "one line: " + error);
        assertTrue(error.contains("no recorded run has the metric 'ppl'; the matching runs have: acc, "), error);
        assertTrue(error.contains(" acc_norm,"), error);
    }

    private static void record(Path db, String... task) {
        List<String> args = new ArrayList<>(List.of("choice", "-m", CliRun.model(), "-t", "1", "-q",
                "--record", "--history-db", db.toString()));
        args.addAll(List.of(task));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
    }

    private static void assertImage(Path png, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
