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
 * The engine's kernel over a batch on several threads: the engine's own split ({@code ROW_RANGES},
 * i.e. {@code KernelPool}) on 1 thread and on all cores, against other ways to split the same work
 * ({@link ThreadSplit}). Note that {@code KernelPool} scores fewer than 65,536 logits, or a single
 * row, on the caller alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class ParallelKernelBench {
    @Param
    public ThreadSplit split;

    /** {@code 1}, or {@code all} for {@code Runtime.availableProcessors()} threads. */
    @Param({"1", "all"})
    public String threads;

    private BatchScorer scorer;
    private double[] logProbs;

    @Setup(Level.Trial)
    public void start(LogitsBuffer buffer) {
        scorer = split.open(Threads.parse(threads));
        logProbs = new double[buffer.rows];
    }

    @TearDown(Level.Trial)
    public void stop() {
        scorer.close();
    }

    /**
     * Log p(target) of every row of the buffer, split over the threads; returns their sum.
     * Score: batches per second; {@code logits}: logits per second.
     */
    @Benchmark
    public double logProbs(LogitsBuffer buffer, LogitCounters counters) {
        scorer.score(buffer.logits(), buffer.rows, buffer.vocab, buffer.targets(), logProbs);
        double sum = 0;
        for (double lp : logProbs) {
            sum += lp;
        }
        counters.logits += buffer.logitCount();
        return sum;
    }
}
