package dev.lmscore.engine.kld;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import dev.lmscore.engine.kernel.LogSoftmax;
import java.lang.foreign.MemorySegment;

/**
 * llama-perplexity's 16-bit record of one row's log-probabilities ({@code log_softmax(..., uint16_t*)}
 * in tools/perplexity): two floats, scale and the smallest kept log-prob, then one uint16 per token,
 * padded to an even count: {@code 2*((n_vocab+1)/2) + 4} uint16 values in all. Log-probs below
 * max - 16 are clamped to the minimum. The KL divergence is computed against these quantized values,
 * so lmscore quantizes the base row the same way even when the base model runs alongside: only then
 * are the numbers llama.cpp's.
 */
public final class QuantizedLogProbs {
    /** llama.cpp keeps log-probs down to this far below the top one. */
    static final float RANGE = 16f;

    private QuantizedLogProbs() {}

    /** uint16 values per record for a vocabulary of n tokens. */
    public static int recordLength(int nVocab) {
        return 2 * ((nVocab + 1) / 2) + 4;
    }

    /**
     * Quantizes the logits row at {@code offset} into {@code dst[at .. at + recordLength)}, as
     * llama.cpp does with float arithmetic; returns the row's negative log-likelihood of {@code target}.
     */
    public static double quantize(MemorySegment logits, long offset, int nVocab, int target, short[] dst, int at) {
        long extremes = LogSoftmax.extremes(logits, offset, nVocab);
        float max = LogSoftmax.maxOf(extremes);
        float min = Math.max(LogSoftmax.minOf(extremes), max - RANGE);
        float logSumExp = (float) Math.log(LogSoftmax.sumExp(logits, offset, nVocab, extremes));
        float minLogProb = min - max - logSumExp;
        float scale = (max - min) / 65535f;
        putFloat(dst, at, scale);
        putFloat(dst, at + 2, minLogProb);
        int q = at + 4;
        if (scale != 0) {
            float inverse = 1 / scale;
            for (int i = 0; i < nVocab; i++) {
                float logit = logit(logits, offset, i);
                // nearest_int: round half to even; 65536 (possible by rounding) wraps to 0 as in C's uint16 cast
                dst[q + i] = logit > min ? (short) (int) Math.rint(inverse * (logit - min)) : 0;
            }
        } else {
            java.util.Arrays.fill(dst, q, q + nVocab, (short) 0);
        }
        return (float) (max + logSumExp) - logit(logits, offset, target);
    }

    static float scale(short[] record, int at) {
        return getFloat(record, at);
    }

    static float minLogProb(short[] record, int at) {
        return getFloat(record, at + 2);
    }

    /** The dequantized log-prob of token i: scale * q + min, in float as llama.cpp computes it. */
    static float logProb(short[] record, int at, float scale, float minLogProb, int token) {
        return scale * (record[at + 4 + token] & 0xFFFF) + minLogProb;
    }

    static float logit(MemorySegment logits, long offset, int i) {
        return logits.get(JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES);
    }

    /** A float stored as two little-endian uint16 halves, as the C struct's memory holds it. */
    private static void putFloat(short[] dst, int at, float value) {
        int bits = Float.floatToRawIntBits(value);
        dst[at] = (short) bits;
        dst[at + 1] = (short) (bits >>> 16);
    }

    private static float getFloat(short[] src, int at) {
        return Float.intBitsToFloat((src[at] & 0xFFFF) | (src[at + 1] & 0xFFFF) << 16);
    }
}
