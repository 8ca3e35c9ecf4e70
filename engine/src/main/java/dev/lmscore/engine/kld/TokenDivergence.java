package dev.lmscore.engine.kld;

import dev.lmscore.engine.kernel.LogSoftmax;
import java.lang.foreign.MemorySegment;

/**
 * Compares one row of the model's logits with the base's 16-bit record for the same position,
 * following llama-perplexity's {@code log_softmax(..., const uint16_t*, tok, kld)} operation by
 * operation (float where it uses float, the KL sum in double), so per-token values agree with it to
 * float rounding.
 */
final class TokenDivergence {
    private TokenDivergence() {}

    /** Scores the row into {@code out[row]}. */
    static void score(MemorySegment logits, long offset, int nVocab, int target, short[] base, int at,
                      TokenValues out, int row) {
        long extremes = LogSoftmax.extremes(logits, offset, nVocab);
        float maxLogit = LogSoftmax.maxOf(extremes);
        float logSumExp = (float) Math.log(LogSoftmax.sumExp(logits, offset, nVocab, extremes));
        float scale = QuantizedLogProbs.scale(base, at);
        float minLogProb = QuantizedLogProbs.minLogProb(base, at);

        float nll = maxLogit + logSumExp - QuantizedLogProbs.logit(logits, offset, target);
        float nllBase = -QuantizedLogProbs.logProb(base, at, scale, minLogProb, target);

        float logNormalizer = maxLogit + logSumExp;
        double kld = 0;
        int top = -1;
        int topBase = -1;
        float topBaseLogProb = 0;
        for (int i = 0; i < nVocab; i++) {
            float logit = QuantizedLogProbs.logit(logits, offset, i);
            if (top < 0 && logit == maxLogit) {
                top = i; // llama.cpp's argmax keeps the first maximum
            }
            float logProbBase = QuantizedLogProbs.logProb(base, at, scale, minLogProb, i);
            if (i == 0 || logProbBase > topBaseLogProb) {
                topBaseLogProb = logProbBase;
                topBase = i;
            }
            // tokens the base gives less than e^-16 are left out, as llama.cpp does
            if (logProbBase > -QuantizedLogProbs.RANGE) {
                float pBase = (float) Math.exp(logProbBase);
                kld += pBase * (logProbBase - logit + logNormalizer);
            }
        }
        float pBase = (float) Math.exp(-nllBase);
        float p = (float) Math.exp(-nll);
        out.set(row, nll, nllBase, kld, p - pBase, top == topBase);
    }
}
