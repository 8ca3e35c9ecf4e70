package dev.lmscore.bench.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark methods compute what they claim, called directly (no JMH) on a small buffer: every
 * split of the work gives the single-threaded engine's numbers, the sequential read sums every float,
 * the counters count every logit.
 */
class BenchmarkBodiesTest {
    private static LogitsBuffer buffer;
    private static double engineSum;

    @BeforeAll
    static void buffer() {
        buffer = LogitsBuffer.of(5000, 37); // 185k logits: above KernelPool's parallel threshold
        KernelBench bench = new KernelBench();
        bench.variant = KernelVariant.ENGINE;
        engineSum = bench.logProbs(buffer, new LogitCounters());
    }

    @AfterAll
    static void free() {
        buffer.free();
    }

    @ParameterizedTest
    @EnumSource(KernelVariant.class)
    void everyVariantScoresTheWholeBatch(KernelVariant variant) {
        KernelBench bench = new KernelBench();
        bench.variant = variant;
        LogitCounters counters = new LogitCounters();
        double sum = bench.logProbs(buffer, counters);
        assertEquals(engineSum, sum, Math.abs(engineSum) * 1e-5, variant.name());
        assertEquals(buffer.logitCount(), counters.logits);
    }

    @ParameterizedTest
    @EnumSource(ThreadSplit.class)
    void everyThreadSplitGivesTheSingleThreadedResult(ThreadSplit split) {
        for (String threads : new String[] {"1", "all", "3"}) {
            ParallelKernelBench bench = new ParallelKernelBench();
            bench.split = split;
            bench.threads = threads;
            bench.start(buffer);
            try {
                // row splits run the same code per row; vocabulary slices add in another order
                double tolerance = split == ThreadSplit.VOCAB_SLICES ? Math.abs(engineSum) * 1e-6 : 0;
                assertEquals(engineSum, bench.logProbs(buffer, new LogitCounters()), tolerance,
                        split + " on " + threads + " threads");
            } finally {
                bench.stop();
            }
        }
    }

    @Test
    void sequentialReadSumsEveryFloat() {
        double expected = 0;
        for (long i = 0; i < buffer.logitCount(); i++) {
            expected += buffer.logits().getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i);
        }
        for (String threads : new String[] {"1", "all", "3"}) {
            BandwidthBench bench = new BandwidthBench();
            bench.threads = threads;
            bench.start();
            try {
                LogitCounters counters = new LogitCounters();
                assertEquals(expected, bench.sequentialRead(buffer, counters), Math.abs(expected) * 1e-4 + 1, threads);
                assertEquals(buffer.logitCount(), counters.logits);
            } finally {
                bench.stop();
            }
        }
    }

    @Test
    void kernelShareBenchReadsAndScoresTheWholeBufferInBothOrders() {
        for (String threads : new String[] {"1", "all"}) {
            BandwidthBench read = new BandwidthBench();
            read.threads = threads;
            read.start();
            double readSum;
            try {
                readSum = read.sequentialRead(buffer, new LogitCounters());
            } finally {
                read.stop();
            }
            KernelShareBench bench = new KernelShareBench();
            bench.threads = threads;
            bench.start(buffer);
            try {
                ShareCounters counters = new ShareCounters();
                double readFirst = bench.readAndScore(buffer, counters);
                double kernelFirst = bench.readAndScore(buffer, counters);
                assertEquals(readSum + engineSum, readFirst, Math.abs(engineSum) * 1e-12, threads);
                assertEquals(readFirst, kernelFirst, Math.abs(engineSum) * 1e-12, threads);
                assertEquals(2 * buffer.logitCount(), counters.passLogits);
                assertTrue(counters.readNanos > 0 && counters.kernelNanos > 0, threads);
            } finally {
                bench.stop();
            }
        }
    }
}
