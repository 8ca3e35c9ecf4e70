package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perplexity --record, then history and plot read the runs back. */
class HistoryAndPlotCommandTest {
    @TempDir Path dir;

    @Test
    void recordedRunsAreListedAndPlotted() throws Exception {
        Path db = dir.resolve("h.db");
        Path checkpoint = Files.copy(Path.of(CliRun.model()), dir.resolve("ckpt-0002.gguf"));
        for (String model : new String[] {CliRun.model(), checkpoint.toString()}) {
            CliRun run = CliRun.of("perplexity", "-m", model, "-f", CliRun.wiki(), "-c", "128", "--chunks", "4", "-q",
                    "--record", "--history-db", db.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        CliRun list = CliRun.of("history", "--history-db", db.toString(), "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode runs = Json.MAPPER.readTree(list.out());
        assertEquals(2, runs.size());
        assertEquals("stories260K", runs.get(0).get("model_name").asText());
        assertEquals("ckpt-0002", runs.get(1).get("model_name").asText());
        assertEquals("wiki.test.raw", runs.get(0).get("dataset").asText());
        assertEquals(64, runs.get(0).get("model_sha256").asText().length());
        assertEquals(runs.get(0).get("model_sha256").asText(), runs.get(1).get("model_sha256").asText(), "same bytes, same hash");
        double ppl = runs.get(0).get("metrics").get("ppl").get("value").asDouble();
        assertTrue(ppl > 10 && ppl < 1000, "ppl " + ppl);

        CliRun table = CliRun.of("history", "--history-db", db.toString(), "--metric", "ppl");
        assertTrue(table.out().contains("ckpt-0002") && table.out().contains("+0"), table.out());

        Path png = dir.resolve("trend.png");
        Path svg = dir.resolve("trend.svg");
        CliRun plot = CliRun.of("plot", "--history-db", db.toString(), "--metric", "ppl", "--out", png.toString(),
                "--svg", svg.toString(), "--x", "label", "--width", "800", "--height", "500");
        assertEquals(0, plot.exitCode(), plot.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertTrue(Files.readString(svg).contains("<svg"));

        CliRun missing = CliRun.of("plot", "--history-db", db.toString(), "--metric", "accuracy", "--out", png.toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("no recorded run has the metric"), missing.err());
    }
}
