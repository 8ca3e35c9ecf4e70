package dev.lmscore.bench.kernel;

import dev.lmscore.engine.kernel.KernelPool;
import java.lang.foreign.MemorySegment;

/** The engine's split: {@link KernelPool}, one contiguous range of rows per thread, one hand-off per batch. */
final class RowRangeScorer implements BatchScorer {
    private final KernelPool pool;

    RowRangeScorer(int threads) {
        this.pool = new KernelPool(threads);
    }

    @Override
    public void score(MemorySegment logits, int rows, int vocab, int[] targets, double[] logProbs) {
        pool.score(logits, rows, vocab, targets, logProbs, null);
    }

    @Override
    public void close() {
        pool.close();
    }
}
