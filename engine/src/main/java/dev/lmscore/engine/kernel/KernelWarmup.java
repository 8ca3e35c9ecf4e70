package dev.lmscore.engine.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Gets the kernel JIT-compiled before the first batch arrives. Until C2 compiles it, Vector API
 * code runs interpreted and is some hundred times slower: the first batch of a run then cost a
 * second more than in llama-perplexity. A run starts this before tokenizing, which keeps one core
 * busy in native code for a while anyway, so the warm-up costs no wall-clock time.
 */
public final class KernelWarmup {
    // Enough calls for C2 (tiered compilation's level 4 wants ~5,000 invocations) on rows short
    // enough that the calls before it, interpreted or in C1, where every Vector API operation
    // allocates, take a few tens of milliseconds of the other core rather than most of a second.
    private static final int ROW = 512;
    private static final int CALLS = 8_000;
    private static volatile Thread started;

    private KernelWarmup() {}

    /** Starts the warm-up once per process, in the background. */
    public static synchronized void start() {
        if (started == null) {
            started = Thread.ofPlatform().daemon().name("lmscore-kernel-warmup").start(KernelWarmup::run);
        }
    }

    /** Waits for the warm-up so that it does not compete with decoding (returns at once if it is done). */
    public static void await() {
        Thread t = started;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment row = arena.allocate(ValueLayout.JAVA_FLOAT, ROW);
            for (int i = 0; i < ROW; i++) {
                row.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            }
            boolean[] greedy = new boolean[1];
            double sink = 0;
            for (int call = 0; call < CALLS; call++) {
                sink += RowScore.score(row, 0, ROW, call % ROW, greedy, 0);
            }
            if (Double.isNaN(sink)) {
                throw new AssertionError("warm-up produced NaN");
            }
        }
    }
}
