package dev.lmscore.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.bench.jmh.JmhJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The report's derived columns: GB/s at 4 bytes a logit, % of the matching sequential read, × the
 * naive kernel, and the kernel's share of the read timed in the same invocations.
 */
class ResultsTableTest {
    @Test
    void derivesBandwidthAndRatiosFromTheLogitsCounter() throws Exception {
        Path json = Path.of(ResultsTableTest.class.getResource("/report/kernel-result.json").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ResultsTable(JmhJson.read(json)).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        // 0.8192 G logits/s = 3.28 GB/s = 25% of 3.2768 G, 10× the naive 81.92 M
        assertTrue(table.contains("| 32000 | 256 | 1 | KernelBench.logProbs | ENGINE | 0.819 G | 3.28 | 25% | 10.0× |"), table);
        // all cores: compared with the all-core sequential read, and with the single-threaded naive kernel
        assertTrue(table.contains("| 32000 | 256 | all | ParallelKernelBench.logProbs | ROW_RANGES | 1.556 G | 6.23 | 32% | 19.0× |"), table);
        assertTrue(table.contains("| 32000 | 256 | 1 | BandwidthBench.sequentialRead | sequential read | 3.277 G | 13.11 | 100% |"), table);
        // read and kernel timed in the same invocations: 16.384 G logits each, in 2.4 s and in 4 s
        assertTrue(table.contains("| 32000 | 256 | 1 | 6.827 G | 4.096 G | 60% |"), table);
    }
}
