package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceCommandTest {
    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    static String mc(String name) {
        return CliRun.data("eval/mc/" + name + ".jsonl").toString();
    }

    @Test
    void jsonReportAndPerItemLines() throws IOException {
        Path items = tmp.resolve("copa-items.jsonl");
        CliRun run = CliRun.of("choice", "-m", CliRun.model(), "--task", "copa", "-f", mc("copa"), "--limit", "10",
                "-t", "1", "--json", "-q", "--items", items.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("choice", report.get("command").asText());
        assertEquals("llama", report.at("/model/architecture").asText());
        assertEquals("copa", report.at("/task/name").asText());
        assertEquals("multiple_choice", report.at("/task/kind").asText());
        assertEquals(10, report.get("n").asInt());
        assertEquals("lm_eval", report.at("/settings/tokenization").asText());
        for (String metric : List.of("acc", "acc_norm", "acc_bytes", "acc_per_token")) {
            double value = report.at("/metrics/" + metric + "/value").asDouble();
            assertTrue(value >= 0 && value <= 1, metric);
            assertTrue(report.at("/metrics/" + metric + "/stderr").asDouble() > 0, metric);
            JsonNode ci = report.at("/metrics/" + metric + "/ci95");
            assertTrue(ci.get(0).asDouble() <= value && value <= ci.get(1).asDouble(), metric + " inside its Wilson interval");
            assertEquals(10, report.at("/metrics/" + metric + "/n").asInt());
        }
        long decoded = report.at("/decode/tokens_decoded").asLong();
        long pairs = report.at("/decode/tokens_in_pairs").asLong();
        assertTrue(decoded > 0 && decoded < pairs, decoded + " of " + pairs);
        assertEquals(1 - (double) decoded / pairs, report.at("/decode/saved_fraction").asDouble(), 1e-12);

        List<String> lines = Files.readAllLines(items);
        assertEquals(10, lines.size());
        int right = 0;
        for (String line : lines) {
            JsonNode item = JSON.readTree(line);
            assertEquals(2, item.get("loglik").size());
            assertEquals(2, item.get("tokens").size());
            assertEquals(2, item.get("greedy").size());
            assertTrue(item.get("loglik").get(0).asDouble() < 0);
            int prediction = item.get("loglik").get(0).asDouble() >= item.get("loglik").get(1).asDouble() ? 0 : 1;
            assertEquals(prediction, item.get("prediction").asInt());
            right += item.get("correct").asBoolean() ? 1 : 0;
        }
        assertEquals(right / 10.0, report.at("/metrics/acc/value").asDouble(), 1e-12);
        assertEquals("0", JSON.readTree(lines.getFirst()).get("id").asText());
    }

    @Test
    void humanSummaryPrintsTheLlamaCppScoreAsLlamaPerplexityDoes() {
        CliRun run = CliRun.of("choice", "-m", CliRun.model(), "--task", "hellaswag-llamacpp",
                "-f", CliRun.data("eval/hellaswag/hellaswag_val_full.txt").toString(), "--limit", "20", "-t", "1", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*acc_per_token +?= \\d+\\.\\d{4} \\+/- \\d+\\.\\d{4} %  \\[95% CI .*"), run.out());
        assertTrue(run.out().contains("saved by shared prefixes"), run.out());
        assertTrue(run.err().isEmpty(), "quiet: " + run.err());
    }

    @Test
    void greedyTaskReportsAccOnly() {
        CliRun run = CliRun.of("choice", "-m", CliRun.model(), "--task", "lambada_openai", "-f", mc("lambada_openai"),
                "--limit", "5", "-t", "1", "-q");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\n  acc +=.*\\n  perplexity +=.*") && !run.out().contains("acc_norm"), run.out());
    }

    @Test
    void mutualInformationSubtractsEachChoicesUnconditionalLogLikelihood() throws IOException {
        Path items = tmp.resolve("copa-mi-items.jsonl");
        CliRun run = CliRun.of("choice", "-m", CliRun.model(), "--task", "copa", "-f", mc("copa"), "--limit", "10",
                "-t", "1", "--json", "-q", "--mutual-info", "--items", items.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        int right = 0;
        for (String line : Files.readAllLines(items)) {
            JsonNode item = JSON.readTree(line);
            JsonNode conditional = item.get("loglik");
            JsonNode unconditional = item.get("loglik_unconditional");
            assertEquals(2, unconditional.size());
            double mi0 = conditional.get(0).asDouble() - unconditional.get(0).asDouble();
            double mi1 = conditional.get(1).asDouble() - unconditional.get(1).asDouble();
            int predicted = mi0 >= mi1 ? 0 : 1;
            assertEquals(predicted == item.get("gold").asInt() ? 1.0 : 0.0,
                    item.at("/metrics/acc_mutual_info").asDouble(), line);
            right += predicted == item.get("gold").asInt() ? 1 : 0;
        }
        assertEquals(right / 10.0, report.at("/metrics/acc_mutual_info/value").asDouble(), 1e-12);
        assertTrue(report.at("/settings/mutual_info").asBoolean());

        CliRun greedy = CliRun.of("choice", "-m", CliRun.model(), "--task", "lambada_openai", "-f", mc("lambada_openai"),
                "--limit", "2", "-q", "--mutual-info");
        assertEquals(2, greedy.exitCode());
        assertTrue(greedy.err().contains("--mutual-info needs a multiple-choice task"), greedy.err());
    }

    static Stream<Arguments> badInputs() throws IOException {
        String model = CliRun.model();
        Path malformed = Files.writeString(tmp.resolve("bad.jsonl"),
                "{\"query\": \"Q\", \"choices\": [\"a\", \"b\"], \"gold\": 0}\n{\"query\": \"Q\", \"choices\": [\"a\"\n");
        return Stream.of(
                Arguments.of(new String[] {"-m", model, "--task", "nosuchtask", "-f", mc("copa")}, 2, "unknown task 'nosuchtask'"),
                Arguments.of(new String[] {"-m", model, "--task", "copa", "-f", "/no/such/copa.jsonl"}, 3,
                        "task file not found: /no/such/copa.jsonl"),
                Arguments.of(new String[] {"-m", model, "--task", "jsonl", "-f", malformed.toString()}, 3,
                        "bad.jsonl:2: malformed JSON"),
                Arguments.of(new String[] {"-m", model, "--task", "boolq", "-f", mc("boolq"), "-c", "32"}, 3,
                        "more than the context of 32"),
                Arguments.of(new String[] {"-m", model, "--task", "copa", "-f", mc("copa"), "--limit", "-1"}, 2, "--limit"),
                Arguments.of(new String[] {"-m", model, "--task", "copa", "-f", mc("copa"), "--parallel", "300"}, 2,
                        "--parallel"),
                Arguments.of(new String[] {"-m", model, "--task", "copa", "-f", mc("copa"), "--items",
                        "/no/such/dir/items.jsonl"}, 6, "cannot write output file /no/such/dir/items.jsonl"),
                Arguments.of(new String[] {"-m", "/no/such/model.gguf", "--task", "copa", "-f", mc("copa")}, 3,
                        "model file not found"),
                Arguments.of(new String[] {"-m", model, "-f", CliRun.wiki()}, 3, "wiki.test.raw"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneClearLineAndItsExitCode(String[] args, int exitCode, String message) {
        String[] full = Stream.concat(Stream.of("choice", "-q", "-t", "1"), Stream.of(args)).toArray(String[]::new);
        CliRun run = CliRun.of(full);
        assertEquals(exitCode, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("lmscore: ") && first.contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
