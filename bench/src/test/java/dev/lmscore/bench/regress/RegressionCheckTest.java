package dev.lmscore.bench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.bench.jmh.JmhJson;
import dev.lmscore.bench.jmh.JmhResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The regression check on small synthetic JMH results (src/test/resources/regress). */
class RegressionCheckTest {
    private static final String KERNEL = "KernelBench.logProbs";
    private static final String DECODE = "DecodeScoreBench.decodeAndScore";

    private static Path resource(String name) {
        try {
            return Path.of(RegressionCheckTest.class.getResource("/regress/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegressionRule.Report compare(String current, double tolerance) throws IOException {
        return new RegressionRule(tolerance).compare(JmhJson.read(resource("baseline.json")), JmhJson.read(resource(current)));
    }

    private static Verdict verdict(RegressionRule.Report report, String shortName) {
        return report.comparisons().stream().filter(c -> c.baseline().shortName().equals(shortName))
                .findFirst().orElseThrow().verdict();
    }

    /** Runs the command-line check; returns exit status and output. */
    private static Run check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RegressionCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {}

    @Test
    void noChangePasses() {
        Run run = check("--baseline", resource("baseline.json").toString(), resource("same.json").toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("3 compared, 0 regression(s)"), run.out());
        assertTrue(run.out().contains("PASS"), run.out());
    }

    @Test
    void slowdownBeyondToleranceFails() throws IOException {
        RegressionRule.Report report = compare("slower.json", 0.10);
        assertEquals(Verdict.REGRESSION, verdict(report, KERNEL));
        assertEquals(-0.20, report.comparisons().getFirst().change(), 1e-12);
        Run run = check("--baseline", resource("baseline.json").toString(), resource("slower.json").toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith(KERNEL) && l.contains("-20.0%") && l.contains("REGRESSION")),
                run.out());
        assertTrue(run.out().contains("FAIL"), run.out());
    }

    @Test
    void toleranceOptionMovesTheLine() {
        String baseline = resource("baseline.json").toString();
        String current = resource("slower-12.json").toString();
        assertEquals(1, check("--baseline", baseline, current).status(), "12% slower fails the default 10%");
        assertEquals(0, check("--baseline", baseline, "--tolerance", "0.15", current).status(), "but passes 15%");
    }

    @Test
    void speedUpPasses() throws IOException {
        assertEquals(Verdict.FASTER, verdict(compare("faster.json", 0.10), KERNEL));
        assertEquals(0, check("--baseline", resource("baseline.json").toString(), resource("faster.json").toString()).status());
    }

    @Test
    void slowdownWithinTheErrorIsNoise() throws IOException {
        // 15% slower, but ±20 on a score of 85: the runs do not tell the two apart
        RegressionRule.Report report = compare("noisy.json", 0.10);
        assertEquals(Verdict.NOISE, verdict(report, KERNEL));
        assertTrue(report.passed());
    }

    @Test
    void averageTimeGrowingIsWorse() throws IOException {
        RegressionRule.Report slower = compare("avgt-slower.json", 0.10);
        assertEquals(Verdict.REGRESSION, verdict(slower, DECODE));
        assertEquals(0.20, slower.comparisons().get(1).worseBy(), 1e-12);
        assertEquals(1, check("--baseline", resource("baseline.json").toString(), resource("avgt-slower.json").toString()).status());

        RegressionRule.Report faster = compare("avgt-faster.json", 0.10);
        assertEquals(Verdict.FASTER, verdict(faster, DECODE));
        assertTrue(faster.passed());
    }

    @Test
    void scoresInOtherTimeUnitsAreConverted() throws IOException {
        // 0.080 ops/ms = 80 ops/s (20% slower); 10,000 us/op = 10 ms/op (unchanged)
        RegressionRule.Report report = compare("slower-other-unit.json", 0.10);
        assertEquals(Verdict.REGRESSION, verdict(report, KERNEL));
        assertEquals(-0.20, report.comparisons().getFirst().change(), 1e-9);
        assertEquals(Verdict.OK, verdict(report, DECODE));
    }

    @Test
    void missingAndNewBenchmarksAreListedNotFailed() {
        Run run = check("--baseline", resource("baseline.json").toString(), resource("missing-and-new.json").toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("missing in the current run"), run.out());
        assertTrue(run.out().contains(DECODE + " [avgt] ctx=128,model=stories260K.gguf,sequences=16"), run.out());
        assertTrue(run.out().contains("new in the current run"), run.out());
        assertTrue(run.out().contains(KERNEL + " [thrpt] rows=256,variant=BLOCKED_ESTRIN,vocab=32000"), run.out());
    }

    @Test
    void resultsMatchByParameters() throws IOException {
        List<JmhResult> baseline = JmhJson.read(resource("baseline.json"));
        assertEquals("dev.lmscore.bench.kernel.KernelBench.logProbs [thrpt] rows=256,variant=ENGINE,vocab=32000",
                baseline.getFirst().key());
        assertTrue(Double.isNaN(baseline.get(2).primary().error()), "JMH's \"NaN\" error is read as NaN");
    }

    @Test
    void badUsageAndUnreadableFilesExitWithTwo() {
        assertEquals(2, check().status());
        assertEquals(2, check("--tolerance").status());
        assertEquals(2, check("--tolerance", "-1", resource("same.json").toString()).status());
        Run missing = check("--baseline", "no/such/baseline.json", resource("same.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no/such/baseline.json"), missing.err());
    }
}
