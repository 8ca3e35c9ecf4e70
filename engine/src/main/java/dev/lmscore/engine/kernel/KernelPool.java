package dev.lmscore.engine.kernel;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs the log-softmax kernel over many rows of logits on a fixed set of threads. Work is split
 * into contiguous ranges, one per thread, the caller taking the first, so each thread streams its
 * own part of the buffer. Results land in caller-owned arrays: nothing is allocated per row.
 */
public final class KernelPool implements AutoCloseable {
    /** Below this many logits a batch is scored on the caller's thread: a hand-off would cost more. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    private final int threads;
    private final ExecutorService executor;

    public KernelPool(int threads) {
        this.threads = Math.max(1, threads);
        ThreadFactory factory = Thread.ofPlatform().daemon().name("lmscore-kernel-", 0).factory();
        this.executor = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, factory) : null;
    }

    public int threads() {
        return threads;
    }

    /**
     * For each row r in [0, rows): {@code logProbs[r]} = log p(targets[r]) and, if {@code greedy}
     * is not null, {@code greedy[r]} = whether targets[r] is the top token.
     */
    public void score(MemorySegment logits, int rows, int vocab, int[] targets, double[] logProbs, boolean[] greedy) {
        run(logits, vocab, null, 0, targets, 0, rows, logProbs, greedy);
    }

    /**
     * Scores (row, target) pairs, for rows wanted against several targets (a shared prefix whose
     * next token differs between choices). For each pair k in [from, to): {@code logProbs[k]} = log
     * p(targets[k]) in logits row {@code rows[k] - firstRow}, and {@code greedy[k]} whether that
     * target is the row's top token. Consecutive pairs of the same row share one normalisation, so
     * list them sorted by row.
     */
    public void scorePairs(MemorySegment logits, int vocab, int[] rows, int firstRow, int[] targets, int from, int to,
                           double[] logProbs, boolean[] greedy) {
        run(logits, vocab, rows, firstRow, targets, from, to, logProbs, greedy);
    }

    private void run(MemorySegment logits, int vocab, int[] rows, int firstRow, int[] targets, int from, int to,
                     double[] logProbs, boolean[] greedy) {
        long rowBytes = (long) vocab * Float.BYTES;
        forRows(to - from, vocab, (a, b) ->
                scoreRange(logits, rowBytes, vocab, rows, firstRow, targets, from + a, from + b, logProbs, greedy));
    }

    /** Work on rows [from, to) of a batch; ranges given to different threads never overlap. */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over rows [0, rows) split into contiguous ranges, one per thread, the caller
     * taking the first; {@code rowCost} (e.g. the vocabulary size) decides whether a hand-off pays.
     */
    public void forRows(int rows, long rowCost, RowRange task) {
        int parts = (long) rows * rowCost < PARALLEL_THRESHOLD || executor == null ? 1 : Math.min(threads, rows);
        if (parts <= 1) {
            task.run(0, rows);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            futures[p - 1] = executor.submit(() -> task.run(from, to));
        }
        task.run(0, rows / parts);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("kernel thread failed", e.getCause());
            }
        }
    }

    /** Pairs [from, to); {@code rows == null} means pair k is row k. */
    private static void scoreRange(MemorySegment logits, long rowBytes, int vocab, int[] rows, int firstRow,
                                   int[] targets, int from, int to, double[] logProbs, boolean[] greedy) {
        if (rows == null) {
            // RowScore.score is what KernelWarmup compiles: the perplexity path runs C2's code from its first row
            for (int k = from; k < to; k++) {
                logProbs[k] = RowScore.score(logits, k * rowBytes, vocab, targets[k], greedy, k);
            }
            return;
        }
        int lastRow = -1;
        float max = 0;
        double logSum = 0;
        for (int k = from; k < to; k++) {
            int row = rows[k] - firstRow;
            long offset = row * rowBytes;
            if (row != lastRow) { // a row wanted for several targets is normalised once
                long extremes = RowScore.extremes(logits, offset, vocab);
                max = Extremes.max(extremes);
                logSum = RowScore.logSumShifted(logits, offset, vocab, extremes);
                lastRow = row;
            }
            logProbs[k] = RowScore.score(logits, offset, targets[k], max, logSum, greedy, k);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
