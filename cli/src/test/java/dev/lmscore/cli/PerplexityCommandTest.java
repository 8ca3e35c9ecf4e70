package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PerplexityCommandTest {
    @TempDir
    static Path tmp;

    @Test
    void jsonReportCarriesModelSettingsAndResultsForEachFile() throws IOException {
        Path code = tmp.resolve("code.txt");
        Files.writeString(code, "int main() { return 0; }\n".repeat(400));
        CliRun run = CliRun.of("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-f", code.toString(),
                "-c", "128", "--chunks", "20", "-t", "2", "--json", "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("perplexity", report.get("command").asText());
        assertEquals("llama", report.at("/model/architecture").asText());
        assertEquals(512, report.at("/model/vocabulary_size").asInt());
        assertEquals(128, report.at("/settings/context_size").asInt());
        assertEquals(2, report.get("results").size());
        JsonNode wiki = report.get("results").get(0);
        assertEquals(20, wiki.get("chunks").asInt());
        assertEquals(20 * 63, wiki.get("scored_tokens").asInt());
        // WikiText is tokenized only as far as 20 chunks reach; the short code file whole
        assertTrue(wiki.get("text_tokens").isNull(), wiki.get("text_tokens").toString());
        double ppl = wiki.get("ppl").asDouble();
        assertEquals(Math.exp(wiki.get("nll_mean").asDouble()), ppl, 1e-9 * ppl);
        assertTrue(wiki.get("bits_per_byte").asDouble() > 0);
        assertTrue(wiki.at("/timings/scored_tokens_per_second").asDouble() > 0);
        JsonNode second = report.get("results").get(1);
        assertTrue(second.get("file").asText().endsWith("code.txt"));
        assertTrue(second.get("text_tokens").asInt() > 0);
        assertTrue(Double.isFinite(second.get("ppl").asDouble()) && second.get("ppl").asDouble() != ppl);
    }

    @Test
    void humanSummaryAndRollingMode() {
        CliRun run = CliRun.of("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128",
                "--mode", "rolling", "--chunks", "10", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("PPL = "), run.out());
        assertTrue(run.out().contains("rolling"), run.out());
        assertTrue(run.err().isEmpty(), "quiet: " + run.err());
    }

    @Test
    void resultsComputedBeforeABadFileAreKept() throws IOException {
        Path bad = tmp.resolve("latin1.txt");
        Files.write(bad, "caf\u00e9 au lait ".repeat(200).getBytes(StandardCharsets.ISO_8859_1));
        Path tooShort = tmp.resolve("short.txt");
        Files.writeString(tooShort, "Once upon a time.");
        CliRun run = CliRun.of("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-f", tooShort.toString(),
                "-c", "128", "--chunks", "5", "-q");
        assertEquals(3, run.exitCode());
        assertTrue(run.out().contains("PPL = "), "first file's result printed: " + run.out());
        assertTrue(run.err().contains("short.txt") && run.err().contains("needs at least 256"), run.err());
        CliRun latin1 = CliRun.of("perplexity", "-m", CliRun.model(), "-f", bad.toString(), "-q");
        assertEquals(3, latin1.exitCode());
        assertTrue(latin1.err().contains("not valid UTF-8"), latin1.err());
    }

    static Stream<Arguments> badInputs() {
        String model = CliRun.model();
        String wiki = CliRun.wiki();
        return Stream.of(
                Arguments.of(new String[] {"-m", "/no/such/model.gguf", "-f", wiki}, 3, "model file not found"),
                Arguments.of(new String[] {"-m", wiki, "-f", wiki}, 4, "GGUF"),
                Arguments.of(new String[] {"-m", CliRun.data("models/bad/stories260k-gguf-v1.gguf").toString(), "-f", wiki},
                        4, "GGUF version 1"),
                Arguments.of(new String[] {"-m", CliRun.data("models/bad/stories260k-q8_0-bad-row-size.gguf").toString(),
                        "-f", wiki}, 4, "not a multiple of the Q8_0 block size"),
                Arguments.of(new String[] {"-m", CliRun.data("models/bad/tinystories-656k-no-byte-fallback.gguf").toString(),
                        "-f", wiki, "-c", "128"}, 3, "cannot encode"),
                Arguments.of(new String[] {"-m", model, "-f", "/no/such/text.txt"}, 3, "text file not found"),
                Arguments.of(new String[] {"-m", model, "-f", wiki, "-c", "4096"}, 2, "training context 2048"),
                Arguments.of(new String[] {"-m", model, "-f", wiki, "-c", "1"}, 2, "--ctx-size must be at least 4"),
                Arguments.of(new String[] {"-m", model, "-f", wiki, "-t", "-3"}, 2, "--threads"),
                Arguments.of(new String[] {"-m", model, "-f", wiki, "--stride", "999", "-c", "128"}, 2, "--stride"),
                Arguments.of(new String[] {"-m", model, "-f", wiki, "--mode", "sideways"}, 2, "--mode"),
                Arguments.of(new String[] {"-m", model}, 2, "--file"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneClearLineAndItsExitCode(String[] args, int exitCode, String message) {
        String[] full = Stream.concat(Stream.of("perplexity", "-q"), Stream.of(args)).toArray(String[]::new);
        CliRun run = CliRun.of(full);
        assertEquals(exitCode, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("lmscore: ") && first.contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void emptyTextIsRefused() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n");
        CliRun run = CliRun.of("perplexity", "-m", CliRun.model(), "-f", empty.toString(), "-q");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("text file is empty"), run.err());
    }
}
