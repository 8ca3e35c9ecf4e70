package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built single binary, copied alone into an empty directory and run as a user would: its
 * embedded libraries are unpacked into a fresh cache, a run stopped by SIGTERM resumes to the
 * uninterrupted result, and a full disk leaves no output file behind. Runs after packaging
 * (Maven's integration-test phase), which passes the binary's path as {@code lmscore.binary}.
 */
class BinaryIT {
    @TempDir
    static Path home;
    static Path binary;

    @BeforeAll
    static void copyBinaryAlone() throws IOException {
        String built = System.getProperty("lmscore.binary");
        assumeTrue(built != null, "runs in the integration-test phase, after the binary is built");
        assertTrue(Files.isRegularFile(Path.of(built)), built + " was not built (are llama.cpp's CPU libraries built? native/build.sh)");
        Path dir = Files.createDirectories(home.resolve("empty"));
        binary = Files.copy(Path.of(built), dir.resolve("lmscore"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** The binary run from its own directory, with HOME and the cache in the temp dir. */
    static ProcessBuilder lmscore(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(binary.getParent().toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("LMSCORE_CACHE_DIR", home.resolve("cache").toString());
        pb.environment().remove("LMSCORE_LLAMA_DIR");
        pb.environment().remove("LMSCORE_BACKEND");
        return pb;
    }

    record Result(int exitCode, String out, String err) {}

    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished in time");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void runsFromAnEmptyDirectoryWithNothingButAJdk() throws Exception {
        Result version = run(lmscore("--version"));
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().contains("llama.cpp 0.5.0"), version.out());
        assertTrue(version.out().contains("libraries: " + home.resolve("cache").resolve("native")), version.out());
        assertTrue(version.out().contains("backend: cpu"), version.out());

        Result ppl = run(lmscore("perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128", "--chunks", "4",
                "-t", "2", "-q", "--json"));
        assertEquals(0, ppl.exitCode(), ppl.err());
        JsonNode result = Json.MAPPER.readTree(ppl.out()).get("results").get(0);
        assertEquals(4, result.get("chunks").asInt());
        assertTrue(result.get("ppl").asDouble() > 1);

        Result choice = run(lmscore("choice", "-m", CliRun.model(), "--task", "arc_easy", "-f",
                ChoiceCommandTest.mc("arc_easy"), "--limit", "10", "-t", "2", "-q", "--json"));
        assertEquals(0, choice.exitCode(), choice.err());
        JsonNode report = Json.MAPPER.readTree(choice.out());
        assertEquals(10, report.get("n").asInt());
        double acc = report.at("/metrics/acc/value").asDouble();
        assertTrue(acc >= 0 && acc <= 1, choice.out());
    }

    static final String[] LONG_RUN = {"perplexity", "-m", CliRun.model(), "-f", CliRun.wiki(), "-c", "128", "-b", "256",
            "--chunks", "100", "-t", "2", "-q", "--json"};
    static JsonNode uninterrupted;

    /** The reference: the same run without interruption (computed once for both tests). */
    static synchronized JsonNode uninterrupted() throws Exception {
        if (uninterrupted == null) {
            Result whole = run(lmscore(LONG_RUN));
            assertEquals(0, whole.exitCode(), whole.err());
            uninterrupted = Json.MAPPER.readTree(whole.out()).at("/results/0");
        }
        return uninterrupted;
    }

    /** Starts the long run with a checkpoint and waits until it holds a few window groups. */
    static Process startAndWaitForRecords(Path checkpoint, String name) throws Exception {
        Process p = lmscore(concat(LONG_RUN, "--checkpoint", checkpoint.toString()))
                .redirectOutput(home.resolve(name + ".json").toFile()).redirectError(home.resolve(name + ".err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (lines(checkpoint) < 4 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "still running when the checkpoint has records (make the run longer)");
        return p;
    }

    static void assertResumesToTheUninterruptedResult(Path checkpoint) throws Exception {
        Result resumed = run(lmscore(concat(LONG_RUN, "--checkpoint", checkpoint.toString(), "--resume")));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertFalse(Json.MAPPER.readTree(resumed.out()).get("interrupted").asBoolean());
        JsonNode a = Json.MAPPER.readTree(resumed.out()).at("/results/0");
        JsonNode b = uninterrupted();
        for (String metric : List.of("ppl", "ppl_error", "nll_mean", "nll_stderr", "bits_per_byte", "top1_accuracy")) {
            assertEquals(b.get(metric).asDouble(), a.get(metric).asDouble(), 1e-9, metric);
        }
        assertEquals(b.get("chunk_scores"), a.get("chunk_scores"), "per-chunk sums bit-identical");
    }

    @Test
    void sigtermStopsGracefullyAndTheRunResumesToTheUninterruptedResult() throws Exception {
        Path checkpoint = home.resolve("term.ckpt");
        Process p = startAndWaitForRecords(checkpoint, "term");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue(), Files.readString(home.resolve("term.err")));
        JsonNode partial = Json.MAPPER.readTree(home.resolve("term.json").toFile());
        assertTrue(partial.get("interrupted").asBoolean());
        assertTrue(partial.at("/results/0/interrupted").asBoolean());
        int records = lines(checkpoint) - 1;
        assertEquals(2 * records, partial.at("/results/0/chunks").asInt(), "checkpoint complete up to the last finished group");
        assertResumesToTheUninterruptedResult(checkpoint);
    }

    @Test
    void killNineLosesAtMostTheGroupInFlight() throws Exception {
        Path checkpoint = home.resolve("kill.ckpt");
        Process p = startAndWaitForRecords(checkpoint, "kill");
        p.destroyForcibly(); // SIGKILL: no handler runs
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertResumesToTheUninterruptedResult(checkpoint);
    }

    @Test
    void fullDiskLeavesNoOutputFile() throws Exception {
        assertEquals(0, run(lmscore("--version")).exitCode(), "libraries unpacked before the size limit applies");
        Path output = home.resolve("big.json");
        String command = "ulimit -f 1; exec '" + binary + "' perplexity -m '" + CliRun.model() + "' -f '" + CliRun.wiki()
                + "' -c 128 --chunks 30 -t 2 -q --output '" + output + "'";
        ProcessBuilder pb = lmscore();
        pb.command("bash", "-c", command);
        Result r = run(pb);
        assertEquals(6, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write output file " + output), r.err());
        assertFalse(Files.exists(output), "no partial output");
        try (var files = Files.list(home)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".big.json")), "no temp file left");
        }
    }

    static int lines(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
