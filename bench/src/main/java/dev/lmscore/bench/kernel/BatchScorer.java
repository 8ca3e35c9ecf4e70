package dev.lmscore.bench.kernel;

import java.lang.foreign.MemorySegment;

/** Scores a batch of rows on some number of threads; one way of splitting the work. */
public interface BatchScorer extends AutoCloseable {
    /** {@code logProbs[r]} = log p(targets[r]) for each row r in [0, rows). */
    void score(MemorySegment logits, int rows, int vocab, int[] targets, double[] logProbs);

    @Override
    void close();
}
