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
 * The engine's kernel as a share of the sequential read, both timed in the same invocation: one
 * pass of {@link BandwidthBench}'s read and one of {@link ParallelKernelBench}'s {@code ROW_RANGES}
 * scoring over the same {@link LogitsBuffer}, in alternating order, each timed on its own.
 *
 * <p>Why a benchmark of its own: {@code BandwidthBench} and {@code KernelBench} run in separate forks
 * minutes apart, and on a shared cloud host the one-thread read moved between 5.2 and 9.7 G floats/s
 * from one such run to the next (bench/RESULTS.md), so their quotient says as much about the host's
 * minute as about the kernel. Here the two passes alternate within tens of milliseconds, and the
 * share is the kernel's time against the read's over the same moments. Passes are timed with
 * {@code System.nanoTime} (about 25 ns against passes of milliseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class KernelShareBench {
    /** {@code 1}, or {@code all} for {@code Runtime.availableProcessors()} threads. */
    @Param({"1", "all"})
    public String threads;

    private final BandwidthBench read = new BandwidthBench();
    private final ParallelKernelBench kernel = new ParallelKernelBench();
    private final LogitCounters unused = new LogitCounters();
    private boolean readFirst;

    @Setup(Level.Trial)
    public void start(LogitsBuffer buffer) {
        read.threads = threads;
        read.start();
        kernel.split = ThreadSplit.ROW_RANGES;
        kernel.threads = threads;
        kernel.start(buffer);
    }

    @TearDown(Level.Trial)
    public void stop() {
        read.stop();
        kernel.stop();
    }

    /**
     * One read and one kernel pass over the buffer, the order swapped every call so that neither
     * always follows the other. Returns both results (against dead-code elimination). Score: pairs
     * of passes per second; the counters carry each pass's own time.
     */
    @Benchmark
    public double readAndScore(LogitsBuffer buffer, ShareCounters counters) {
        readFirst = !readFirst;
        // Java evaluates the left operand first: the order of the two passes is the order written
        double result = readFirst
                ? timedRead(buffer, counters) + timedScore(buffer, counters)
                : timedScore(buffer, counters) + timedRead(buffer, counters);
        counters.passLogits += buffer.logitCount();
        return result;
    }

    private double timedRead(LogitsBuffer buffer, ShareCounters counters) {
        long start = System.nanoTime();
        float sum = read.sequentialRead(buffer, unused);
        counters.readNanos += System.nanoTime() - start;
        return sum;
    }

    private double timedScore(LogitsBuffer buffer, ShareCounters counters) {
        long start = System.nanoTime();
        double sum = kernel.logProbs(buffer, unused);
        counters.kernelNanos += System.nanoTime() - start;
        return sum;
    }
}
