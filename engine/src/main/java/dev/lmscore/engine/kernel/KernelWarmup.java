package dev.lmscore.engine.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Gets the kernel JIT-compiled before the first batch arrives. Until C2 compiles it, Vector API
 * code runs interpreted and is some hundred times slower: the first batch of a run then cost a
 * second more than in llama-perplexity. The command line starts this as the JVM starts, while the
 * process is mostly single-threaded (parsing, model load); a run waits for it only after creating
 * its llama.cpp context, so it does not compete with the tokenizer's threads or with decoding.
 */
public final class KernelWarmup {
    // Enough calls for C2 (tiered compilation's level 4 wants ~5,000 invocations) on rows short
    // enough that the calls before it, interpreted or in C1, where every Vector API operation
    // allocates, take a few tens of milliseconds of the other core rather than most of a second.
    private static final int ROW = 512;
    private static final int TAIL = 3;
    private static final int ROWS = 4;
    private static final int MAX_CALLS = 8_000;
    /**
     * The warm-up stops early once calls run at compiled speed: C2's code scores a 512-logit row in
     * well under a microsecond, the interpreter and C1 (which box every vector) take tens. Three
     * batches in a row under 2 µs a call mean C2's code is installed.
     */
    private static final int BATCH = 200;
    private static final long FAST_BATCH_NANOS = 2_000L * BATCH;
    private static final int FAST_BATCHES = 3;
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
            // Calls shaped like a run's, or C2 compiles for the warm-up's shape and the first real
            // batch hits uncommon traps (deoptimisation, then compiling again): a segment of global
            // scope, as llama.cpp's logits are seen through; several rows at varied offsets; rows
            // with and without a scalar tail (vocabulary sizes that are not a multiple of the lanes).
            long stride = ROW + TAIL;
            MemorySegment owned = arena.allocate(ValueLayout.JAVA_FLOAT, ROWS * stride);
            for (long i = 0; i < ROWS * stride; i++) {
                owned.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            }
            // one row with a logit far below the others, so the kernel's clamping loop is compiled too
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, stride + 7, -1000f);
            MemorySegment rows = MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
            boolean[] greedy = new boolean[ROWS];
            double sink = 0;
            int fast = 0;
            long batchStart = System.nanoTime();
            for (int call = 1; call <= MAX_CALLS && fast < FAST_BATCHES; call++) {
                int length = call % 2 == 0 ? ROW : ROW + TAIL;
                long offset = (call % ROWS) * stride * Float.BYTES;
                sink += RowScore.score(rows, offset, length, call % length, greedy, call % ROWS);
                if (call % BATCH == 0) {
                    long now = System.nanoTime();
                    fast = now - batchStart < FAST_BATCH_NANOS ? fast + 1 : 0;
                    batchStart = now;
                }
            }
            if (Double.isNaN(sink)) {
                throw new AssertionError("warm-up produced NaN");
            }
        }
    }
}
