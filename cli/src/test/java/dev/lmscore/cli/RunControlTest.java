package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoints, shards and merge at the command line: pieces of a run add up to exactly one run. */
class RunControlTest {
    @TempDir
    static Path tmp;
    static final String[] RUN = {"perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128", "-b", "256",
            "--chunks", "14", "-t", "2", "-q"};
    static JsonNode whole;
    static Path[] shards;

    @BeforeAll
    static void runWholeAndShards() throws IOException {
        CliRun run = CliRun.of(with("--json"));
        assertEquals(0, run.exitCode(), run.err());
        whole = Json.MAPPER.readTree(run.out());
        shards = CliRun.shards(tmp, 4, (shard, output) -> with("--shard", shard, "--output", output));
    }

    @Test
    void fourShardsMergeToExactlyOneRun() throws IOException {
        JsonNode first = Json.MAPPER.readTree(shards[0].toFile());
        assertEquals(1, first.at("/shard/index").asInt() + 1);
        assertEquals(4, first.at("/shard/count").asInt());
        assertTrue(first.at("/identity/model/sha256").asText().length() == 64, "identity carries the model hash");
        CliRun merged = CliRun.of("merge", shards[2].toString(), shards[0].toString(), shards[3].toString(),
                shards[1].toString(), "--json");
        assertEquals(0, merged.exitCode(), merged.err());
        JsonNode a = Json.MAPPER.readTree(merged.out()).at("/results/0");
        JsonNode b = whole.at("/results/0");
        for (String field : List.of("chunks", "chunks_planned", "scored_tokens", "scored_bytes", "nll_mean", "nll_stderr",
                "nll_sum", "ppl", "ppl_error", "bits_per_byte", "byte_perplexity", "top1_accuracy", "chunk_scores")) {
            assertEquals(b.get(field), a.get(field), field);
        }
        CliRun text = CliRun.of("merge", shards[0].toString(), shards[1].toString(), shards[2].toString(), shards[3].toString());
        assertTrue(text.out().contains(String.format("PPL = %.4f", b.get("ppl").asDouble())), text.out());
    }

    @Test
    void truncatedCheckpointIsRecoveredAndResumedToTheSameResult() throws IOException {
        Path checkpoint = tmp.resolve("truncated.ckpt");
        CliRun first = CliRun.of(with("--checkpoint", checkpoint.toString(), "--json"));
        assertEquals(0, first.exitCode(), first.err());
        byte[] bytes = Files.readAllBytes(checkpoint);
        assertEquals(1 + 7, count(bytes), "header and one record per window group");
        Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length - 40)); // cut the last record mid-line
        CliRun resumed = CliRun.of(with("--checkpoint", checkpoint.toString(), "--resume", "--json"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(whole.at("/results/0/chunk_scores"), Json.MAPPER.readTree(resumed.out()).at("/results/0/chunk_scores"));
        assertEquals(whole.at("/results/0/ppl"), Json.MAPPER.readTree(resumed.out()).at("/results/0/ppl"));
        assertEquals(1 + 7, count(Files.readAllBytes(checkpoint)), "the cut record was rewritten whole");
    }

    static Stream<Arguments> badInputs() throws IOException {
        Path dir = Files.createTempDirectory("lmscore-bad");
        Path notJson = Files.writeString(dir.resolve("not.json"), "PPL = 12");
        Path noIdentity = Files.writeString(dir.resolve("plain.json"), "{\"command\":\"perplexity\"}");
        Path noScores = Files.writeString(dir.resolve("noscores.json"), "{\"identity\":{\"command\":\"perplexity\"},"
                + "\"shard\":{\"index\":0,\"count\":1},\"settings\":{\"mode\":\"chunked\",\"context_size\":128,"
                + "\"batch_size\":256,\"ubatch_size\":512,\"threads\":1,\"max_chunks\":0,\"flash_attention\":\"auto\","
                + "\"cache_type\":\"f16\"},\"results\":[{\"file\":\"x\"}]}");
        Path existing = Files.writeString(dir.resolve("existing.ckpt"), "{\"lmscore_checkpoint\":1,\"identity\":{}}\n{}\n");
        Path garbage = Files.writeString(dir.resolve("garbage.ckpt"), "not json\n");
        Path model = Path.of(CliRun.model());
        return Stream.of(
                // perplexity: run control options
                Arguments.of(with("--resume"), 2, "--resume needs --checkpoint"),
                Arguments.of(with("--shard", "4/4"), 2, "--shard must be I/N"),
                Arguments.of(with("--shard", "two"), 2, "--shard must be I/N"),
                Arguments.of(with("--output", "/no/such/dir/out.json"), 6, "cannot write output file"),
                Arguments.of(with("--output", dir.toString()), 6, "it is a directory"),
                Arguments.of(with("--checkpoint", existing.toString()), 2, "already exists; add --resume"),
                Arguments.of(with("--checkpoint", existing.toString(), "--resume"), 3, "belongs to another run"),
                Arguments.of(with("--checkpoint", garbage.toString(), "--resume"), 3, "is corrupt"),
                Arguments.of(with("--checkpoint", "/no/such/dir/run.ckpt"), 6, "cannot use checkpoint"),
                // merge
                Arguments.of(new String[] {"merge"}, 2, "SHARD.json"),
                Arguments.of(new String[] {"merge", "/no/such/shard.json"}, 3, "shard file not found"),
                Arguments.of(new String[] {"merge", notJson.toString()}, 3, "is not a JSON report"),
                Arguments.of(new String[] {"merge", noIdentity.toString()}, 3, "with a run identity"),
                Arguments.of(new String[] {"merge", noScores.toString()}, 3, "has no per-chunk scores"),
                Arguments.of(new String[] {"merge", "SHARD0", "SHARD1", "SHARD2"}, 3, "shards missing: [3]"),
                Arguments.of(new String[] {"merge", "SHARD0", "SHARD1", "SHARD2", "SHARD2"}, 3, "given twice"),
                Arguments.of(new String[] {"merge", "SHARD0", "SHARD1", "SHARD2", "OTHER"}, 3, "shard of another run"),
                Arguments.of(new String[] {"merge", "SHARD0", "--output", "/no/such/dir/m.json"}, 6, "cannot write output file"),
                // info
                Arguments.of(new String[] {"info"}, 2, "--model"),
                Arguments.of(new String[] {"info", "-m", "/no/such/model.gguf"}, 3, "model file not found"),
                Arguments.of(new String[] {"info", "-m", CliRun.wiki()}, 4, "GGUF"),
                Arguments.of(new String[] {"info", "-m", CliRun.data("models/bad/stories260k-gguf-v1.gguf").toString()}, 4,
                        "GGUF version 1"),
                Arguments.of(new String[] {"bogus"}, 2, "bogus"),
                Arguments.of(new String[] {}, 2, "a command is required"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGetsOneClearLineAndItsExitCode(String[] args, int exitCode, String message) throws IOException {
        String[] resolved = Stream.of(args).map(RunControlTest::placeholder).toArray(String[]::new);
        CliRun run = CliRun.of(resolved);
        assertEquals(exitCode, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("lmscore: ") && first.contains(message), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void infoPrintsMetadataWithoutLoadingTheModel() throws IOException {
        CliRun run = CliRun.of("info", "-m", CliRun.model(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode info = Json.MAPPER.readTree(run.out());
        assertEquals("llama", info.get("architecture").asText());
        assertEquals(512, info.get("vocabulary_size").asInt());
        assertEquals(2048, info.get("training_context").asInt());
        assertEquals(5, info.get("layers").asInt());
        assertEquals(8, info.get("heads").asInt());
        assertEquals(Files.size(Path.of(CliRun.model())), info.get("file_size_bytes").asLong());
        assertEquals(info.get("tensors").asInt(), info.get("tensor_types").get("F32").asInt());
        assertTrue(CliRun.of("info", "-m", CliRun.model()).out().contains("quantization:"));
    }

    /** SHARDn and OTHER stand for files made in @BeforeAll (argument sources run before it). */
    private static String placeholder(String arg) {
        if (arg.matches("SHARD\\d")) return shards[arg.charAt(5) - '0'].toString();
        if (arg.equals("OTHER")) return otherRunShard().toString();
        return arg;
    }

    private static Path otherRunShard() {
        Path other = tmp.resolve("other-shard3.json");
        if (!Files.exists(other)) {
            CliRun run = CliRun.of("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "64", "-b", "256",
                    "--chunks", "14", "-t", "2", "-q", "--shard", "3/4", "--output", other.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        return other;
    }

    static String[] with(String... extra) {
        return Stream.concat(Stream.of(RUN), Stream.of(extra)).toArray(String[]::new);
    }

    private static int count(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return n;
    }
}
