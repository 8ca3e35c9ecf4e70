package dev.lmscore.engine.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Scores rows of logits against target tokens: log-probability and whether the target is the top
 * token. Rows of up to {@link ScalarLogSoftmax#MAX_VOCAB} logits take the scalar kernel, longer
 * ones the Vector API kernel ({@link LogSoftmax}).
 */
public final class RowScore {
    private RowScore() {}

    /**
     * Log-probability of {@code target} in the row at byte offset {@code offset}; when
     * {@code greedyOut} is not null, {@code greedyOut[index]} tells whether the target has the
     * largest logit (ties count as greedy, as an argmax over equal values may pick either).
     */
    public static double score(MemorySegment logits, long offset, int vocab, int target, boolean[] greedyOut, int index) {
        if (vocab <= ScalarLogSoftmax.MAX_VOCAB) {
            long extremes = extremes(logits, offset, vocab);
            return score(logits, offset, target, Extremes.max(extremes), logSumShifted(logits, offset, vocab, extremes),
                    greedyOut, index);
        }
        return vectorScore(logits, offset, vocab, target, greedyOut, index);
    }

    /**
     * {@link #score} by the Vector API kernel (one streaming pass, {@link OnePassLogSoftmax}),
     * whatever the row's length: what {@link KernelWarmup} compiles, on rows short enough to get it
     * compiled fast. Its own method so that C2's code for it serves every caller.
     */
    public static double vectorScore(MemorySegment logits, long offset, int vocab, int target, boolean[] greedyOut, int index) {
        return OnePassLogSoftmax.score(logits, offset, vocab, target, greedyOut, index);
    }

    /**
     * {@link #score} by the two-pass Vector API kernel ({@link LogSoftmax}), whatever the row's
     * length: the one-pass kernel's fallback, and what {@link KernelWarmup} compiles for commands
     * that take a row's normaliser on its own.
     */
    static double twoPassScore(MemorySegment logits, long offset, int vocab, int target, boolean[] greedyOut, int index) {
        long extremes = LogSoftmax.extremes(logits, offset, vocab);
        return score(logits, offset, target, Extremes.max(extremes),
                Math.log(LogSoftmax.sumExp(logits, offset, vocab, extremes)), greedyOut, index);
    }

    /** The row's largest and smallest logit, packed (read the max with {@link Extremes#max}). */
    static long extremes(MemorySegment logits, long offset, int vocab) {
        return vocab <= ScalarLogSoftmax.MAX_VOCAB
                ? ScalarLogSoftmax.extremes(logits, offset, vocab)
                : LogSoftmax.extremes(logits, offset, vocab);
    }

    /** log(sum(exp(logit - max))) of the row, given its {@link #extremes}: with max, the row's softmax normaliser. */
    static double logSumShifted(MemorySegment logits, long offset, int vocab, long extremes) {
        return Math.log(vocab <= ScalarLogSoftmax.MAX_VOCAB
                ? ScalarLogSoftmax.sumExp(logits, offset, vocab, extremes)
                : LogSoftmax.sumExp(logits, offset, vocab, extremes));
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
