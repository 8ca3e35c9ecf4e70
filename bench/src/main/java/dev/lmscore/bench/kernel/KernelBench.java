package dev.lmscore.bench.kernel;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The log-softmax/NLL kernel on one thread: every variant of {@link KernelVariant} scoring each
 * row of a {@link LogitsBuffer} against its target. Each variant runs in its own fork, so the call
 * through {@link RowKernel} is monomorphic and inlined as in the engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class KernelBench {
    @Param
    public KernelVariant variant;

    /**
     * Sum of log p(target) over the buffer's rows, single-threaded. Score: batches per second;
     * {@code logits}: logits per second.
     */
    @Benchmark
    public double logProbs(LogitsBuffer buffer, LogitCounters counters) {
        RowKernel kernel = variant.kernel();
        MemorySegment logits = buffer.logits();
        int[] targets = buffer.targets();
        int vocab = buffer.vocab;
        long rowBytes = buffer.rowBytes();
        double sum = 0;
        for (int r = 0; r < buffer.rows; r++) {
            sum += kernel.logProb(logits, r * rowBytes, vocab, targets[r]);
        }
        counters.logits += buffer.logitCount();
        return sum;
    }
}
