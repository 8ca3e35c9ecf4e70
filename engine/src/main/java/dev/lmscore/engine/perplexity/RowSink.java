package dev.lmscore.engine.perplexity;

import java.lang.foreign.MemorySegment;

/** Receives the scored logits rows of each decode, and hears when a group of windows is complete. */
public interface RowSink {
    /**
     * @param logits    {@code rows} rows of vocabulary-size floats, valid only during the call
     * @param rowWindow window index of each row
     * @param rowTarget token each row is scored against
     */
    void accept(MemorySegment logits, int rows, int[] rowWindow, int[] rowTarget);

    /** Every row of the group's windows has been passed to {@link #accept}. */
    default void groupDone(int group) { }

    /** Waits until every row passed so far has been processed (for sinks that work asynchronously). */
    default void drain() { }
}
