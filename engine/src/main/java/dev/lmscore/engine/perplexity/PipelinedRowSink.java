package dev.lmscore.engine.perplexity;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Overlaps scoring with decoding: each decode's rows are copied out of llama.cpp's logits buffer
 * (which the next decode overwrites) into one of two buffers of lmscore's own, and a single scorer
 * thread hands them to the wrapped sink while the caller goes on to the next decode. Work reaches
 * the wrapped sink in submission order, so its sums are the same, bit for bit, as without the
 * pipeline. Worth it when the decode runs on a GPU and the CPU would otherwise wait for it.
 */
public final class PipelinedRowSink implements RowSink, AutoCloseable {
    private final RowSink target;
    private final Arena arena = Arena.ofShared();
    private final Slot[] slots = new Slot[2];
    private final ExecutorService scorer =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("lmscore-scorer").factory());
    private Future<?> lastGroupNotice;
    private int next;

    private static final class Slot {
        final MemorySegment logits;
        final int[] window;
        final int[] target;
        Future<?> pending;

        Slot(MemorySegment logits, int rows) {
            this.logits = logits;
            this.window = new int[rows];
            this.target = new int[rows];
        }
    }

    public PipelinedRowSink(RowSink target, int maxRows, int vocabulary) {
        this.target = target;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(arena.allocate((long) maxRows * vocabulary * Float.BYTES, 64), maxRows);
        }
    }

    @Override
    public void accept(MemorySegment logits, int rows, int[] rowWindow, int[] rowTarget) {
        Slot slot = slots[next];
        next = (next + 1) % slots.length;
        await(slot.pending); // the slot's previous batch must be scored before it is overwritten
        MemorySegment.copy(logits, 0, slot.logits, 0, logits.byteSize());
        System.arraycopy(rowWindow, 0, slot.window, 0, rows);
        System.arraycopy(rowTarget, 0, slot.target, 0, rows);
        MemorySegment view = slot.logits.asSlice(0, logits.byteSize());
        slot.pending = scorer.submit(() -> target.accept(view, rows, slot.window, slot.target));
    }

    @Override
    public void groupDone(int group) {
        lastGroupNotice = scorer.submit(() -> target.groupDone(group));
    }

    @Override
    public void drain() {
        for (Slot slot : slots) {
            await(slot.pending);
        }
        await(lastGroupNotice);
        target.drain();
    }

    private static void await(Future<?> f) {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the scorer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("scorer failed", e.getCause());
        }
    }

    @Override
    public void close() {
        scorer.shutdownNow();
        arena.close();
    }
}
