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
        long extremes = LogSoftmax.extremes(logits, offset, vocab);
        return score(logits, offset, target, LogSoftmax.maxOf(extremes), logSumShifted(logits, offset, vocab, extremes),
                greedyOut, index);
    }

    /** log(sum(exp(logit - max))) of the row, given its {@link LogSoftmax#extremes}: with max, the row's softmax normaliser. */
    static double logSumShifted(MemorySegment logits, long offset, int vocab, long extremes) {
        return Math.log(LogSoftmax.sumExp(logits, offset, vocab, extremes));
    }

    /** As {@link #score(MemorySegment, long, int, int, boolean[], int)}, the row's normaliser given. */
    static double score(MemorySegment logits, long offset, int target, float max, double logSumShifted,
                        boolean[] greedyOut, int index) {
        float logit = logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) target * Float.BYTES);
        if (greedyOut != null) {
            greedyOut[index] = logit >= max;
        }
        return (double) logit - max - logSumShifted;
    }
}
