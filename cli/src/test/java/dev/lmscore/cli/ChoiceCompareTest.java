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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lmscore compare on the --items files of real choice runs: zero-shot and five-shot ARC-Easy over
 * the same 30 items. (With and without BOS, stories260K picks the same answers on 30 items: few-shot
 * contexts move it enough to give discordant items.)
 */
class ChoiceCompareTest {
    @TempDir static Path dir;

    private static Path zeroShot;
    private static Path fiveShot;

    @BeforeAll
    static void runTwice() {
        zeroShot = items("0-shot.jsonl");
        fiveShot = items("5-shot.jsonl", "--num-fewshot", "5");
    }

    private static Path items(String name, String... extra) {
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("choice", "-m", CliRun.model(), "--task", "arc_easy",
                "-f", CliRun.data("eval/mc/arc_easy.jsonl").toString(), "--limit", "30", "-t", "1", "-q",
                "--items", file.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return file;
    }

    /** Item id → right or wrong, as the file says (prediction against gold where no 'correct'). */
    private static Map<String, Boolean> correctness(Path file) throws IOException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode item = Json.MAPPER.readTree(line);
            boolean right = item.has("correct") ? item.get("correct").asBoolean()
                    : item.get("prediction").asInt() == item.get("gold").asInt();
            out.put(item.get("id").asText(), right);
        }
        return out;
    }

    @Test
    void mcNemarCountsAreTheFilesDiscordantItems() throws IOException {
        Map<String, Boolean> a = correctness(zeroShot);
        Map<String, Boolean> b = correctness(fiveShot);
        assertEquals(30, a.size());
        assertEquals(a.keySet(), b.keySet(), "the same items, whatever the shots");
        long aOnly = a.keySet().stream().filter(id -> a.get(id) && !b.get(id)).count();
        long bOnly = a.keySet().stream().filter(id -> !a.get(id) && b.get(id)).count();
        assertTrue(aOnly + bOnly > 0, "the two settings disagree on some item, or this test shows little");
        double accA = a.values().stream().filter(x -> x).count() / 30.0;
        double accB = b.values().stream().filter(x -> x).count() / 30.0;

        CliRun run = CliRun.of("compare", zeroShot.toString(), fiveShot.toString(), "--json", "--bootstrap", "1000");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = Json.MAPPER.readTree(run.out()).get("result");
        assertEquals(30, r.get("items").asInt());
        assertEquals(aOnly, r.get("discordant_a_only").asLong());
        assertEquals(bOnly, r.get("discordant_b_only").asLong());
        assertEquals(accA, r.get("accuracy_a").asDouble(), 1e-12);
        assertEquals(accB, r.get("accuracy_b").asDouble(), 1e-12);
        // under 25 discordant items McNemar is the exact binomial test
        assertEquals("exact_binomial", r.get("mcnemar_method").asText());
        double p = r.get("p_value").asDouble();
        assertTrue(p > 0 && p <= 1, "p " + p);
        assertEquals(p < 0.05, r.get("significant").asBoolean());

        CliRun text = CliRun.of("compare", zeroShot.toString(), fiveShot.toString(), "--bootstrap", "1000");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("A only right " + aOnly + ", B only right " + bOnly), text.out());
        assertTrue(text.out().contains("verdict: "), text.out());
    }

    @Test
    void aRunAgainstItselfShowsNoDifference() throws IOException {
        CliRun run = CliRun.of("compare", zeroShot.toString(), zeroShot.toString(), "--json", "--bootstrap", "1000");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = Json.MAPPER.readTree(run.out()).get("result");
        assertEquals(0, r.get("discordant_a_only").asInt());
        assertEquals(0, r.get("discordant_b_only").asInt());
        assertEquals(0.0, r.get("accuracy_difference").asDouble());
        assertEquals(1.0, r.get("p_value").asDouble());
        assertFalse(r.get("significant").asBoolean());

        CliRun text = CliRun.of("compare", zeroShot.toString(), zeroShot.toString(), "--bootstrap", "1000");
        assertTrue(text.out().contains("verdict: no difference"), text.out());
    }

    @Test
    void itemsAgainstAPerplexityReportIsRefusedInOneLine() throws IOException {
        CliRun perplexity = CliRun.of("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128", "--chunks", "2",
                "-t", "1", "-q", "--json");
        assertEquals(0, perplexity.exitCode(), perplexity.err());
        Path report = Files.writeString(dir.resolve("ppl.json"), perplexity.out());

        CliRun run = CliRun.of("compare", zeroShot.toString(), report.toString());
        assertEquals(3, run.exitCode(), run.out());
        String error = run.err().strip();
        assertFalse(error.contains("\n"), "one line: " + error);
        assertTrue(error.contains("cannot compare per-item choice file " + zeroShot + " with perplexity report " + report), error);
    }
}
