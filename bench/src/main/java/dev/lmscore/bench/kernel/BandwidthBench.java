package dev.lmscore.bench.kernel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The machine's own limit for the kernels' access pattern: a vectorised sum of every float of the
 * same {@link LogitsBuffer}, on one thread or on all cores ({@code threads=all}), each thread a
 * contiguous part. A kernel that reads each logit once cannot beat it; the report gives each
 * kernel's rate as a percentage of it (for the same vocab, rows and threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class BandwidthBench {
    /** {@code 1}, or {@code all} for {@code Runtime.availableProcessors()} threads. */
    @Param({"1", "all"})
    public String threads;

    private PartRunner runner;
    private float[] partSums;

    @Setup(Level.Trial)
    public void start() {
        runner = new PartRunner(Threads.parse(threads));
        partSums = new float[runner.threads()];
    }

    @TearDown(Level.Trial)
    public void stop() {
        runner.close();
    }

    /** Sum of all the buffer's floats. Score: buffers per second; {@code logits}: floats per second. */
    @Benchmark
    public float sequentialRead(LogitsBuffer buffer, LogitCounters counters) {
        long bytes = buffer.logitCount() * Float.BYTES;
        int parts = runner.threads();
        // Parts split on 64-byte lines so no two threads share a cache line.
        long partBytes = (bytes / parts + 63) & ~63L;
        runner.run(p -> {
            long from = Math.min(bytes, p * partBytes);
            long to = Math.min(bytes, from + partBytes);
            partSums[p] = SequentialRead.sum(buffer.logits(), from, to);
        });
        float sum = 0;
        for (float s : partSums) {
            sum += s;
        }
        counters.logits += buffer.logitCount();
        return sum;
    }
}
