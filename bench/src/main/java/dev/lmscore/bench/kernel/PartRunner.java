package dev.lmscore.bench.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs parts 0..n-1 of a job on a fixed set of threads, part 0 on the caller, and waits for all:
 * the same hand-off the engine's {@code KernelPool} does once per batch, for the benchmarks'
 * own multi-threaded work (all-core sequential read, vocabulary slices).
 */
public final class PartRunner implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    public PartRunner(int threads) {
        this.threads = Math.max(1, threads);
        this.executor = this.threads > 1
                ? Executors.newFixedThreadPool(this.threads - 1, Thread.ofPlatform().daemon().name("bench-part-", 0).factory())
                : null;
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code part.accept(p)} for p in [0, threads), in parallel. */
    public void run(IntConsumer part) {
        if (executor == null) {
            part.accept(0);
            return;
        }
        Future<?>[] futures = new Future<?>[threads - 1];
        for (int p = 1; p < threads; p++) {
            int index = p;
            futures[p - 1] = executor.submit(() -> part.accept(index));
        }
        part.accept(0);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("part failed", e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
