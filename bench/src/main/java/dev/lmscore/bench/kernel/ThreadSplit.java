package dev.lmscore.bench.kernel;

import java.util.function.IntFunction;

/** Ways of spreading a batch over threads, all running the engine's row kernel. */
public enum ThreadSplit {
    /** The engine's {@code KernelPool}: contiguous row ranges, one hand-off per batch. */
    ROW_RANGES(RowRangeScorer::new),
    /** A parallel stream over rows in a fork/join pool. */
    FORK_JOIN_ROWS(ForkJoinRowScorer::new),
    /** Every thread one slice of every row's vocabulary, merged per row. */
    VOCAB_SLICES(VocabSliceScorer::new);

    private final IntFunction<BatchScorer> factory;

    ThreadSplit(IntFunction<BatchScorer> factory) {
        this.factory = factory;
    }

    public BatchScorer open(int threads) {
        return factory.apply(threads);
    }
}
