package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ItemResult;
import dev.lmscore.engine.llama.Interruption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints, interruption, shards and merge for {@code lmscore choice}: the pieces of a run add up
 * to exactly the numbers of one uninterrupted run. 60 ARC-Easy items make 18 decode groups of about
 * three items, whose log-likelihoods depend on what they are packed with.
 */
class ChoiceRunControlTest {
    @TempDir
    static Path tmp;
    static final String[] RUN = {"choice", "-m", CliRun.model(), "--task", "arc_easy", "-f", mc("arc_easy"),
            "--limit", "60", "-t", "1", "-q"};
    static JsonNode whole;
    static Path[] shards;

    static String mc(String name) {
        return CliRun.data("eval/mc/" + name + ".jsonl").toString();
    }

    @BeforeAll
    static void runWholeAndShards() throws IOException {
        CliRun run = CliRun.of(with("--json"));
        assertEquals(0, run.exitCode(), run.err());
        whole = Json.MAPPER.readTree(run.out());
        assertEquals(60, whole.get("item_scores").size());
        shards = CliRun.shards(tmp, 4, (shard, output) -> with("--shard", shard, "--output", output));
    }

    @Test
    void fourShardsMergeToExactlyOneRun() throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (Path shard : shards) {
            JsonNode report = Json.MAPPER.readTree(shard.toFile());
            assertEquals(4, report.at("/shard/count").asInt());
            assertEquals(64, report.at("/identity/model/sha256").asText().length(), "identity carries the model hash");
            int n = report.get("item_scores").size();
            assertTrue(n > 0 && n < 30, "a part of the items: " + n);
            report.get("item_scores").forEach(r -> assertTrue(seen.add(r.get("index").asInt()), "an item in one shard only"));
        }
        assertEquals(60, seen.size());
        CliRun merged = CliRun.of("merge", shards[2].toString(), shards[0].toString(), shards[3].toString(),
                shards[1].toString(), "--json");
        assertEquals(0, merged.exitCode(), merged.err());
        JsonNode m = Json.MAPPER.readTree(merged.out());
        assertEquals(4, m.get("merged_shards").asInt());
        assertFalse(m.get("interrupted").asBoolean());
        assertSameNumbers(whole, m);
        for (String field : List.of("items", "planned", "scored", "skipped", "name", "kind", "format")) {
            assertEquals(whole.at("/task/" + field), m.at("/task/" + field), field);
        }
        assertEquals(whole.at("/decode/tokens_decoded"), m.at("/decode/tokens_decoded"), "the shards decode the run's groups");
        assertEquals(whole.at("/decode/groups"), m.at("/decode/groups"));
        CliRun text = CliRun.of("merge", shards[0].toString(), shards[1].toString(), shards[2].toString(), shards[3].toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains(String.format("acc             = %.4f", 100 * whole.at("/metrics/acc/value").asDouble())),
                text.out());
    }

    @Test
    void interruptedRunStopsWithItsPartialReportAndResumesToTheSameNumbers() throws Exception {
        Path checkpoint = tmp.resolve("interrupted.ckpt");
        // Ctrl-C's handler does no more than this: ask the run to stop, here after 10 items are recorded
        Thread stopper = Thread.ofVirtual().start(() -> {
            try {
                while (lines(checkpoint) < 1 + 10) {
                    Thread.sleep(1);
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
            Interruption.request();
        });
        CliRun stopped;
        try {
            stopped = CliRun.of(with("--checkpoint", checkpoint.toString(), "--json"));
        } finally {
            stopper.interrupt();
            stopper.join();
            Interruption.reset();
        }
        assertEquals(130, stopped.exitCode(), stopped.err());
        assertTrue(stopped.err().contains("interrupted") && stopped.err().contains("continue with --resume"), stopped.err());
        JsonNode partial = Json.MAPPER.readTree(stopped.out());
        assertTrue(partial.get("interrupted").asBoolean());
        int scored = partial.get("item_scores").size();
        assertTrue(scored >= 10 && scored < 60, scored + " items before the stop");
        assertEquals(scored, partial.get("n").asInt());
        assertEquals(scored, lines(checkpoint) - 1, "every reported item is in the checkpoint");

        CliRun resumed = CliRun.of(with("--checkpoint", checkpoint.toString(), "--resume", "--json"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode r = Json.MAPPER.readTree(resumed.out());
        assertFalse(r.get("interrupted").asBoolean());
        assertEquals(scored, r.at("/task/recovered").asInt());
        assertSameNumbers(whole, r);
        assertEquals(1 + 60, lines(checkpoint), "each item recorded once");
    }

    @Test
    void sigtermStopsTheRunWithinMomentsAndItResumesToTheSameNumbers() throws Exception {
        Path checkpoint = tmp.resolve("sigterm.ckpt");
        Path out = tmp.resolve("sigterm.json");
        Path err = tmp.resolve("sigterm.err");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // native access, the vector module
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(with("--checkpoint", checkpoint.toString(), "--json")));
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(checkpoint) < 1 + 2 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(p.isAlive(), "still scoring when the first items are recorded");
            long signalled = System.nanoTime();
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - signalled) / 1e9;
            System.out.printf("choice: SIGTERM to exit in %.2f s%n", seconds);
            assertTrue(seconds < 5, "stopped in " + seconds + " s");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), Files.readString(err));
        JsonNode partial = Json.MAPPER.readTree(out.toFile());
        assertTrue(partial.get("interrupted").asBoolean());
        assertEquals(partial.get("item_scores").size(), lines(checkpoint) - 1, "the report holds what the checkpoint holds");
        CliRun resumed = CliRun.of(with("--checkpoint", checkpoint.toString(), "--resume", "--json"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertSameNumbers(whole, Json.MAPPER.readTree(resumed.out()));
    }

    @Test
    void checkpointCutMidLineIsRecoveredAndResumedToTheSameNumbers() throws IOException {
        Path checkpoint = tmp.resolve("cut.ckpt");
        CliRun first = CliRun.of(with("--checkpoint", checkpoint.toString(), "-o", tmp.resolve("cut.json").toString()));
        assertEquals(0, first.exitCode(), first.err());
        List<String> lines = Files.readAllLines(checkpoint);
        assertEquals(1 + 60, lines.size(), "header and one record per item");
        // As a kill -9 while writing item 23's record would leave it: items 0..22 stay recorded, so the
        // group of items 21..24 (the plan of this run) is only partly recorded and is decoded again whole.
        String kept = String.join("\n", lines.subList(0, 24)) + "\n" + lines.get(24).substring(0, 30);
        Files.writeString(checkpoint, kept);
        CliRun resumed = CliRun.of(with("--checkpoint", checkpoint.toString(), "--resume", "--json"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        JsonNode r = Json.MAPPER.readTree(resumed.out());
        assertEquals(23, r.at("/task/recovered").asInt());
        assertSameNumbers(whole, r);
        List<String> after = Files.readAllLines(checkpoint);
        assertEquals(1 + 60, after.size(), "the cut record was rewritten whole, nothing twice");
        Set<Integer> indices = new HashSet<>();
        for (String line : after.subList(1, after.size())) {
            indices.add(Json.MAPPER.readTree(line).get("index").asInt());
        }
        assertEquals(60, indices.size());
    }

    @Test
    void groupedTaskShardsMergeWithTheSamePerGroupValues() throws IOException {
        Path folder = mmluFolderFromArcEasy(tmp.resolve("mmlu"), 45);
        String[] run = {"choice", "-m", CliRun.model(), "--task", "mmlu", "-f", folder.toString(), "-t", "1", "-q"};
        CliRun one = CliRun.of(concat(run, "--json"));
        assertEquals(0, one.exitCode(), one.err());
        JsonNode single = Json.MAPPER.readTree(one.out());
        assertEquals(3, single.at("/groups/acc/groups").size(), single.toPrettyString());
        List<String> merge = new ArrayList<>(List.of("merge", "--json"));
        for (int i = 0; i < 3; i++) {
            Path out = tmp.resolve("mmlu-shard" + i + ".json");
            CliRun shard = CliRun.of(concat(run, "--shard", i + "/3", "-o", out.toString()));
            assertEquals(0, shard.exitCode(), shard.err());
            merge.add(out.toString());
        }
        CliRun merged = CliRun.of(merge.toArray(String[]::new));
        assertEquals(0, merged.exitCode(), merged.err());
        assertSameNumbers(single, Json.MAPPER.readTree(merged.out()));
    }

    static Stream<Arguments> shardsOfOtherRuns() {
        return Stream.of(
                Arguments.of("other settings", with("--no-bos", "--shard", "3/4"), "settings.bos"),
                Arguments.of("other data", new String[] {"choice", "-m", CliRun.model(), "--task", "arc_easy", "-f", mc("arc_easy"),
                        "--limit", "61", "-t", "1", "-q", "--shard", "3/4"}, "settings.limit"),
                Arguments.of("other task file", new String[] {"choice", "-m", CliRun.model(), "--task", "arc_easy", "-f",
                        "CHANGED_ARC_EASY", "--limit", "60", "-t", "1", "-q", "--shard", "3/4"}, "data[0].sha256"),
                Arguments.of("perplexity", new String[] {"perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128",
                        "--chunks", "8", "-t", "1", "-q", "--shard", "3/4"}, "command is \"perplexity\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shardsOfOtherRuns")
    void mergeRefusesAShardOfAnotherRun(String what, String[] otherRun, String difference) throws IOException {
        Path other = tmp.resolve("other-" + what.replace(' ', '-') + ".json");
        // the changed file is made here: argument sources may run before the temp dir exists
        String[] args = Stream.of(otherRun).map(a -> a.equals("CHANGED_ARC_EASY") ? changedArcEasy() : a).toArray(String[]::new);
        CliRun run = CliRun.of(concat(args, "--output", other.toString()));
        assertEquals(0, run.exitCode(), run.err());
        CliRun merged = CliRun.of("merge", shards[0].toString(), shards[1].toString(), shards[2].toString(), other.toString());
        assertEquals(3, merged.exitCode(), merged.err());
        String first = merged.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("lmscore: ") && first.contains("is a shard of another run") && first.contains(difference),
                merged.err());
        assertFalse(merged.err().contains("\tat "), "no stack trace: " + merged.err());
        assertTrue(merged.out().isEmpty());
    }

    @Test
    void checkpointOfAnotherChoiceRunIsRefused() throws IOException {
        Path checkpoint = tmp.resolve("other-run.ckpt");
        CliRun first = CliRun.of(with("--checkpoint", checkpoint.toString(), "--shard", "1/4"));
        assertEquals(0, first.exitCode(), first.err());
        CliRun other = CliRun.of(with("--checkpoint", checkpoint.toString(), "--shard", "1/4", "--resume", "-ub", "256"));
        assertEquals(3, other.exitCode(), other.err());
        assertTrue(other.err().startsWith("lmscore: checkpoint " + checkpoint + " belongs to another run: settings.ubatch_size"),
                other.err());
        CliRun again = CliRun.of(with("--checkpoint", checkpoint.toString(), "--shard", "1/4"));
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains("already exists; add --resume"), again.err());
    }

    static Stream<Arguments> badRunControl() throws IOException {
        Path dir = Files.createTempDirectory("lmscore-choice-bad");
        Path noItems = Files.writeString(dir.resolve("noitems.json"), "{\"identity\":{\"command\":\"choice\"},"
                + "\"shard\":{\"index\":0,\"count\":1},\"task\":{\"items\":3}}");
        Path badShard = Files.writeString(dir.resolve("badshard.json"), "{\"identity\":{\"command\":\"choice\"},"
                + "\"shard\":{\"index\":5,\"count\":2}}");
        return Stream.of(
                Arguments.of(with("--resume"), 2, "--resume needs --checkpoint"),
                Arguments.of(with("--shard", "4/4"), 2, "--shard must be I/N"),
                Arguments.of(with("--output", "/no/such/dir/out.json"), 6, "cannot write output file"),
                Arguments.of(with("--checkpoint", "/no/such/dir/run.ckpt"), 6, "cannot use checkpoint"),
                Arguments.of(new String[] {"merge", noItems.toString()}, 3, "has no per-item scores (item_scores)"),
                Arguments.of(new String[] {"merge", badShard.toString()}, 3, "names an impossible shard 5/2"));
    }

    @ParameterizedTest
    @MethodSource("badRunControl")
    void badRunControlGetsOneClearLineAndItsExitCode(String[] args, int exitCode, String message) {
        CliRun run = CliRun.of(args);
        assertEquals(exitCode, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("lmscore: ") && first.contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void itemRecordsRoundTripEveryDoubleBitForBit() throws IOException {
        double[] values = {-0.1, -1.0 / 3, -123.456789012345678, -Double.MIN_VALUE, -0.0, -1e-300, Math.nextDown(-2.0),
                Double.NEGATIVE_INFINITY, Double.NaN, -Math.PI * 1e7};
        ChoiceItem item = new ChoiceItem("x7", Arrays.stream(values).mapToObj(v -> new ChoiceRequest("ctx", " é " + v)).toList(),
                2, List.of(2, 5), "group A");
        int[] tokens = new int[values.length];
        boolean[] greedy = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            tokens[i] = i + 1;
            greedy[i] = i % 3 == 0;
        }
        ItemResult result = new ItemResult(item, 7, values, tokens, greedy);
        JsonNode record = Json.MAPPER.readTree(Json.line(ChoiceItemRecord.withItem(result)));
        ChoiceItem back = ChoiceItemRecord.item(record, "test");
        ItemResult read = ChoiceItemRecord.result(record, back, 7, "test");
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(read.logLikelihoods()[i]), "value " + i);
            assertEquals(item.choices().get(i).continuation(), back.choices().get(i).continuation());
        }
        assertTrue(Arrays.equals(tokens, read.tokenCounts()) && Arrays.equals(greedy, read.greedy()));
        assertEquals(List.of(2, 5), back.trueChoices());
        assertEquals("group A", back.group());
        assertEquals(2, back.gold());
    }

    /** Every number of the reports: metrics, standard errors, Wilson intervals, per-group values and per-item scores. */
    static void assertSameNumbers(JsonNode expected, JsonNode actual) {
        for (String field : List.of("n", "metrics", "groups", "item_scores")) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
        JsonNode a = expected.get("metrics");
        JsonNode b = actual.get("metrics");
        assertTrue(a.size() >= 2);
        a.fieldNames().forEachRemaining(name -> {
            for (String number : List.of("value", "stderr")) {
                assertEquals(a.get(name).get(number).asDouble(), b.get(name).get(number).asDouble(), 1e-9, name + " " + number);
            }
        });
    }

    /** An MMLU folder (test/SUBJECT_test.csv) holding the first {@code n} four-choice ARC-Easy items, in three subjects. */
    static Path mmluFolderFromArcEasy(Path folder, int n) throws IOException {
        Path test = Files.createDirectories(folder.resolve("test"));
        List<String> subjects = List.of("biology", "chemistry", "physics");
        List<StringBuilder> csv = List.of(new StringBuilder(), new StringBuilder(), new StringBuilder());
        int taken = 0;
        for (String line : Files.readAllLines(Path.of(mc("arc_easy")))) {
            JsonNode item = Json.MAPPER.readTree(line);
            if (item.get("choices").size() != 4) continue;
            StringBuilder row = csv.get(taken % 3);
            row.append(quoted(item.get("query").asText().replaceFirst("^Question: ", "")));
            item.get("choices").forEach(c -> row.append(',').append(quoted(c.asText())));
            row.append(',').append("ABCD".charAt(item.get("gold").asInt())).append('\n');
            if (++taken == n) break;
        }
        for (int s = 0; s < 3; s++) {
            Files.writeString(test.resolve(subjects.get(s) + "_test.csv"), csv.get(s), StandardCharsets.UTF_8);
        }
        return folder;
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** arc_easy.jsonl under the same name with one item written differently: other data, same items. */
    private static String changedArcEasy() {
        try {
            Path copy = Files.createDirectories(tmp.resolve("changed")).resolve("arc_easy.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(mc("arc_easy"))));
            lines.set(50, lines.get(50).replace("\"gold\": ", "\"gold\":"));
            Files.write(copy, lines);
            return copy.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String[] with(String... extra) {
        return concat(RUN, extra);
    }

    static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    static int lines(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        int n = 0;
        for (byte b : Files.readAllBytes(file)) if (b == '\n') n++;
        return n;
    }
}
