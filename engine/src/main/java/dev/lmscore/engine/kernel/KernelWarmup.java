package dev.lmscore.engine.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * Gets the log-softmax kernel a run will use JIT-compiled before the first batch arrives. Until C2
 * compiles it, Vector API code runs interpreted and is some hundred times slower (the first batch
 * of a run then cost a second more than in llama-perplexity), and the scalar kernel of short rows
 * tens of times slower (45-120 ms for stories260K's first batch, against 1-3 ms compiled). The
 * command line starts this as soon as it knows the model's vocabulary, before llama.cpp loads the
 * model, while the process is mostly single-threaded; a run waits for it only after creating its
 * llama.cpp context, so it does not compete with the tokenizer's threads or with decoding.
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
     * The warm-up stops early once calls run at compiled speed: C2's code takes 1-2 ns a logit on
     * these short rows, C1's (which boxes every vector) some 30, the interpreter's thousands.
     * Three batches in a row under 8 ns a logit mean C2's code is installed. The scalar kernel
     * (~2.5 ns a logit compiled) gets there once C2 has compiled its two loops, before the first
     * batch (PrintCompilation, stories260K); the small RowScore.score around them reaches C2 during
     * the run, which costs little, as it only calls them.
     */
    private static final int BATCH = 200;
    private static final long FAST_NANOS_PER_LOGIT = 8;
    private static final int FAST_BATCHES = 3;
    private static volatile Thread started;

    /** How a command scores its rows, and so which kernel the warm-up compiles for it. */
    public enum Scoring {
        /** Each row against its own target (perplexity): {@link RowScore#score}, one pass above {@link ScalarLogSoftmax#MAX_VOCAB} logits. */
        ROWS,
        /** A row's normaliser on its own, for several targets (choice): {@link KernelPool#scorePairs}, two passes above that size. */
        SHARED_ROWS,
        /** Whole distributions (KL divergence): {@link LogSoftmax}'s two passes at every vocabulary size. */
        DISTRIBUTIONS;

        boolean usesVectorKernel(long vocab) {
            return this == DISTRIBUTIONS || vocab > ScalarLogSoftmax.MAX_VOCAB;
        }
    }

    private KernelWarmup() {}

    /** Starts the warm-up for rows of {@code vocab} logits scored this way, once per process, in the background. */
    public static synchronized void startFor(long vocab, Scoring scoring) {
        if (started == null && vocab > 0 && vocab <= Integer.MAX_VALUE) {
            started = Thread.ofPlatform().daemon().name("lmscore-kernel-warmup").start(() -> run(scoring, (int) vocab));
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

    /**
     * Loads the JDK's heap-segment classes before C2 compiles the kernel. While the native segment
     * is the only kind loaded, C2 compiles the kernel's segment reads on that assumption; the first
     * heap segment a run makes (the tokenizer's {@code toArray}) then threw all of that code away,
     * and the first batch was scored interpreted again.
     */
    private static void loadHeapSegmentClasses() {
        MemorySegment.ofArray(new int[1]);
        MemorySegment.ofArray(new byte[1]);
    }

    /**
     * Row lengths that between them take every path of the kernel. C2 compiles a path the warm-up
     * never took as a trap: the first real row to take it (a vocabulary of 50,257 takes the
     * one-vector loop and the scalar tail, one of 32,000 several blocks) would throw the compiled
     * code away, and the first batch would run interpreted while C2 compiles again.
     */
    static int[] rowLengths() {
        int lanes = LogSoftmax.SPECIES.length();
        return new int[] {
            ROW,                                 // whole groups of four vectors only
            ROW + lanes + TAIL,                  // the one-vector loop, an odd count of vectors, the scalar tail
            LogSoftmax.BLOCK + ROW + TAIL,       // more than one block of the sum (and a base that moves)
        };
    }

    private static void run(Scoring scoring, int vocab) {
        loadHeapSegmentClasses();
        try (Arena arena = Arena.ofConfined()) {
            double sink = scoring.usesVectorKernel(vocab)
                    ? warmUpVector(arena, scoring == Scoring.ROWS)
                    : warmUpScalar(arena, vocab);
            if (Double.isNaN(sink)) {
                throw new AssertionError("warm-up produced NaN");
            }
        }
    }

    /**
     * Scores rows of the run's own length with the scalar kernel until C2's code runs them (or
     * MAX_CALLS): a few milliseconds. Rows of the real length give C2 the loop counts it will see.
     */
    private static double warmUpScalar(Arena arena, int vocab) {
        MemorySegment owned = arena.allocate(ValueLayout.JAVA_FLOAT, (long) ROWS * vocab);
        for (long i = 0; i < (long) ROWS * vocab; i++) {
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
        }
        // row 1: a logit far below the others, so the path that leaves out terms under 2^-125 is compiled too
        owned.setAtIndex(ValueLayout.JAVA_FLOAT, vocab + vocab / 2, -1000f);
        MemorySegment rows = MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
        boolean[] greedy = new boolean[ROWS];
        return untilCompiled(call -> {
            int row = call % ROWS;
            return RowScore.score(rows, (long) row * vocab * Float.BYTES, vocab, call % vocab,
                    call % 8 == 0 ? null : greedy, row);
        }, call -> vocab);
    }

    /**
     * Scores rows of every shape, with the one-pass or the two-pass kernel, until it runs at
     * compiled speed (or MAX_CALLS); returns a sum of the results.
     */
    private static double warmUpVector(Arena arena, boolean onePass) {
        // Calls shaped like a run's, or C2 compiles for the warm-up's shape and the first real
        // batch hits uncommon traps: a segment of global scope, as llama.cpp's logits are seen
        // through; several rows at varied offsets, of every length in rowLengths().
        int[] lengths = rowLengths();
        int stride = lengths[lengths.length - 1];
        MemorySegment owned = arena.allocate(ValueLayout.JAVA_FLOAT, (long) ROWS * stride);
        for (long i = 0; i < (long) ROWS * stride; i++) {
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
        }
        // row 0: its last two logits the largest and the smallest, in the scalar tail of the lengths that have one
        for (int length : lengths) {
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, length - 1, 5f);
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, length - 2, -5f);
        }
        // row 1: a logit far below the others, so the kernel's clamping loop is compiled too
        owned.setAtIndex(ValueLayout.JAVA_FLOAT, stride + 7, -1000f);
        // row 3: a logit in the second block far above the first block's max, so that the one-pass
        // kernel moves its base and runs its loop over that block again (only the longest row
        // length reaches it; real rows do that once or twice each)
        owned.setAtIndex(ValueLayout.JAVA_FLOAT, 3L * stride + LogSoftmax.BLOCK + 77, 9f);
        // row 2: largest logit exactly 0, whose shift max * log2(e) is exact (no correction)
        for (int i = 0; i < stride; i++) {
            owned.setAtIndex(ValueLayout.JAVA_FLOAT, 2L * stride + i, -Math.abs((float) Math.sin(i)));
        }
        MemorySegment rows = MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
        boolean[] greedy = new boolean[ROWS];
        return untilCompiled(call -> {
            int length = lengths[call % lengths.length];
            int row = call % ROWS;
            // now and then row 0's max (its last logit) as the target, so that "greedy" is a taken path too
            int target = call % 5 == 0 ? length - 1 : call % length;
            long offset = (long) row * stride * Float.BYTES;
            boolean[] greedyOut = call % 8 == 0 ? null : greedy;
            return onePass
                    ? RowScore.vectorScore(rows, offset, length, target, greedyOut, row)
                    : RowScore.twoPassScore(rows, offset, length, target, greedyOut, row);
        }, call -> lengths[call % lengths.length]);
    }

    /**
     * Makes calls 1, 2, ... of {@code score} (each over {@code logitsOf(call)} logits) until they
     * run at compiled speed, {@link #FAST_BATCHES} batches in a row, or {@link #MAX_CALLS}; returns
     * the sum of the results, which the caller checks so that no call is dead code.
     */
    private static double untilCompiled(IntToDoubleFunction score, IntUnaryOperator logitsOf) {
        double sink = 0;
        int fast = 0;
        long logits = 0;
        long batchStart = System.nanoTime();
        for (int call = 1; call <= MAX_CALLS && fast < FAST_BATCHES; call++) {
            sink += score.applyAsDouble(call);
            logits += logitsOf.applyAsInt(call);
            if (call % BATCH == 0) {
                long now = System.nanoTime();
                fast = now - batchStart < logits * FAST_NANOS_PER_LOGIT ? fast + 1 : 0;
                batchStart = now;
                logits = 0;
            }
        }
        return sink;
    }
}
