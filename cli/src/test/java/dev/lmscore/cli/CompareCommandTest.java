package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lmscore compare on synthetic per-item and per-chunk results with known answers. */
class CompareCommandTest {
    @TempDir Path dir;

    /** Items 0..n-1; A right on the first aRight, B right on items [bFrom, bFrom + bRight). */
    private Path items(String name, int n, int rightFrom, int rightTo) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean right = i >= rightFrom && i < rightTo;
            b.append(String.format("{\"id\": \"q%d\", \"prediction\": %d, \"gold\": 1, \"logliks\": [-1.5, -2.5]}%n", i, right ? 1 : 0));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void mcNemarOnKnownDiscordantCounts() throws IOException {
        // A right on 0..99, B right on 30..114: A only 30, B only 15, chi² = (15 − 1)²/45
        Path a = items("a.jsonl", 200, 0, 100);
        Path b = items("b.jsonl", 200, 30, 115);
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--json", "--bootstrap", "2000");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = Json.MAPPER.readTree(run.out()).get("result");
        assertEquals(30, r.get("discordant_a_only").asInt());
        assertEquals(15, r.get("discordant_b_only").asInt());
        assertEquals(196.0 / 45, r.get("mcnemar_statistic").asDouble(), 1e-12);
        assertEquals("chi_square_continuity_corrected", r.get("mcnemar_method").asText());
        assertTrue(r.get("significant").asBoolean());
        assertEquals(0.075, r.get("accuracy_difference").asDouble(), 1e-12);

        // two fewer A-only items: (13 − 1)²/43 = 3.35, p = 0.067: no longer significant
        Path a2 = items("a2.jsonl", 200, 2, 100);
        CliRun flipped = CliRun.of("compare", a2.toString(), b.toString());
        assertEquals(0, flipped.exitCode(), flipped.err());
        assertTrue(flipped.out().contains("not significant"), flipped.out());
        assertTrue(flipped.out().contains("minimum detectable accuracy difference"), flipped.out());
    }

    @Test
    void differentItemSetsAreRefused() throws IOException {
        Path a = items("a.jsonl", 100, 0, 50);
        Path b = items("b.jsonl", 90, 0, 50);
        CliRun run = CliRun.of("compare", a.toString(), b.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("different datasets"), run.err());
    }

    private Path perplexity(String name, int chunks, double shift, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom shared = new SplittableRandom(7); // the same chunk difficulties in every run
        List<Integer> index = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        List<Double> nll = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            index.add(c);
            tokens.add(63);
            nll.add(63 * (4 + shared.nextGaussian() * 0.5 + shift) + random.nextGaussian());
        }
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("chunk", index);
        scores.put("tokens", tokens);
        scores.put("nll_sum", nll);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", "/data/wiki.test.raw");
        result.put("text_bytes", 1000);
        result.put("chunk_scores", scores);
        Map<String, Object> settings = Map.of("mode", "chunked", "context_size", 128);
        Map<String, Object> report = Map.of("command", "perplexity", "settings", settings, "results", List.of(result));
        return Files.writeString(dir.resolve(name), Json.write(report));
    }

    @Test
    void pairedBootstrapOverChunks() throws IOException {
        Path a = perplexity("a.json", 400, 0.01, 1);
        Path b = perplexity("b.json", 400, 0.0, 2);
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = Json.MAPPER.readTree(run.out()).get("results").get(0);
        double low = r.get("nll_difference_ci").get(0).asDouble();
        double high = r.get("nll_difference_ci").get(1).asDouble();
        assertTrue(low < 0.01 && 0.01 < high, "CI [" + low + ", " + high + "] contains the true 0.01");
        assertTrue(low > 0, "and excludes 0: pairing removes the chunks' shared difficulty");
        assertTrue(r.get("significant").asBoolean());
        double se = r.get("nll_difference_stderr").asDouble();
        assertEquals(2.8016 * se, r.get("minimum_detectable_nll_difference").asDouble(), 1e-4 * se);

        Path c = perplexity("c.json", 400, 0.0, 3);
        CliRun same = CliRun.of("compare", b.toString(), c.toString());
        assertTrue(same.out().contains("not significant"), same.out());

        Path shorter = perplexity("d.json", 300, 0.0, 3);
        CliRun refused = CliRun.of("compare", a.toString(), shorter.toString());
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("different datasets"), refused.err());
        assertFalse(refused.err().contains("internal"));
    }
}
