package dev.lmscore.engine.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/** Scores rows of logits against target tokens: log-probability and whether the target is the top token. */
public final class RowScore {
    private RowScore() {}

    /**
     * Log-probability of {@code target} in the row at byte offset {@code offset}; when
     * {@code greedyOut} is not null, {@code greedyOut[index]} tells whether the target has the
     * largest logit (ties count as greedy, as an argmax over equal values may pick either).
     */
    public static double score(MemorySegment logits, long offset, int vocab, int target, boolean[] greedyOut, int index) {
        float max = LogSoftmax.max(logits, offset, vocab);
        double sum = LogSoftmax.sumExp(logits, offset, vocab, max);
        float logit = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) target * Float.BYTES);
        if (greedyOut != null) {
            greedyOut[index] = logit >= max;
        }
        return (double) logit - max - Math.log(sum);
    }
}
