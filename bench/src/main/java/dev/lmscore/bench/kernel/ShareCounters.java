package dev.lmscore.bench.kernel;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link KernelShareBench} times, as totals ({@code EVENTS}: JMH's JSON gives each as the sum
 * over the measured iterations): the nanoseconds of the reads, of the kernel passes, and the logits
 * each of them went over. Rates and the kernel's share of the read follow
 * from these (see {@code dev.lmscore.bench.report.ResultsTable}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ShareCounters {
    public long readNanos;
    public long kernelNanos;
    /** Logits per pass times the passes: the same count for the reads and for the kernel. */
    public long passLogits;

    @Setup(Level.Iteration)
    public void reset() {
        readNanos = 0;
        kernelNanos = 0;
        passLogits = 0;
    }
}
