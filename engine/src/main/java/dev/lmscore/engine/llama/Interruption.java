package dev.lmscore.engine.llama;

import dev.lmscore.llama.ggml_abort_callback;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The process-wide stop request: set by the CLI's signal handler, read by llama.cpp between graph
 * nodes through its abort callback (so a long decode stops within moments) and by the scoring
 * loops between batches.
 */
public final class Interruption {
    private static volatile boolean requested;
    /** One upcall stub for the whole process; llama.cpp keeps the pointer. */
    static final MemorySegment ABORT_CALLBACK =
            ggml_abort_callback.allocate(data -> requested, Arena.global());

    private Interruption() {}

    public static void request() {
        requested = true;
    }

    public static boolean requested() {
        return requested;
    }

    /** For tests that interrupt and resume within one process. */
    public static void reset() {
        requested = false;
    }
}
