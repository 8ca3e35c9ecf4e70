package dev.lmscore.bench.kernel;

import dev.lmscore.engine.kernel.RowScore;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** The obvious alternative: a parallel stream over the rows, in a fork/join pool of the given size (work stealing, row by row). */
final class ForkJoinRowScorer implements BatchScorer {
    private final ForkJoinPool pool;

    ForkJoinRowScorer(int threads) {
        this.pool = new ForkJoinPool(threads);
    }

    @Override
    public void score(MemorySegment logits, int rows, int vocab, int[] targets, double[] logProbs) {
        long rowBytes = (long) vocab * Float.BYTES;
        pool.submit(() -> IntStream.range(0, rows).parallel()
                .forEach(r -> logProbs[r] = RowScore.score(logits, r * rowBytes, vocab, targets[r], null, 0)))
                .join();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
