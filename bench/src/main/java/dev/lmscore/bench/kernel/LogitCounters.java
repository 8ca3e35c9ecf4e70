package dev.lmscore.bench.kernel;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Logits processed, reported by JMH as a rate beside the primary score: the JSON's
 * {@code secondaryMetrics.logits.score} is logits per second. Times 4 bytes a logit (float32)
 * it is the bandwidth the kernel reads at; {@code dev.lmscore.bench.report.ResultsTable} prints both.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class LogitCounters {
    public long logits;

    @Setup(Level.Iteration)
    public void reset() {
        logits = 0;
    }
}
