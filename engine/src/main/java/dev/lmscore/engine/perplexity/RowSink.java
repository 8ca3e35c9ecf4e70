package dev.lmscore.engine.perplexity;

import java.lang.foreign.MemorySegment;

/** Receives the scored logits rows of one decode. */
@FunctionalInterface
public interface RowSink {
    /**
     * @param logits    {@code rows} rows of vocabulary-size floats, valid only during the call
     * @param rowWindow window index of each row
     * @param rowTarget token each row is scored against
     */
    void accept(MemorySegment logits, int rows, int[] rowWindow, int[] rowTarget);
}
