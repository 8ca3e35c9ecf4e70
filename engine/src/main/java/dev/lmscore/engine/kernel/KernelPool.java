package dev.lmscore.engine.kernel;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs the log-softmax kernel over many rows of logits on a fixed set of threads. Rows are split
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
        long rowBytes = (long) vocab * Float.BYTES;
        int parts = (long) rows * vocab < PARALLEL_THRESHOLD || executor == null ? 1 : Math.min(threads, rows);
        if (parts == 1) {
            scoreRange(logits, 0, rows, rowBytes, vocab, targets, logProbs, greedy);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) rows * p / parts);
            int to = (int) ((long) rows * (p + 1) / parts);
            futures[p - 1] = executor.submit(() -> scoreRange(logits, from, to, rowBytes, vocab, targets, logProbs, greedy));
        }
        scoreRange(logits, 0, rows / parts, rowBytes, vocab, targets, logProbs, greedy);
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

    private static void scoreRange(MemorySegment logits, int from, int to, long rowBytes, int vocab,
                                   int[] targets, double[] logProbs, boolean[] greedy) {
        for (int r = from; r < to; r++) {
            logProbs[r] = RowScore.score(logits, r * rowBytes, vocab, targets[r], greedy, r);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
