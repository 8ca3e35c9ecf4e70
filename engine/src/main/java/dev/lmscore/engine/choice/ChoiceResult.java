package dev.lmscore.engine.choice;

/**
 * What the scorer measured for one {@link ChoiceRequest}.
 *
 * @param logLikelihood sum of the natural-log probabilities of the continuation's tokens
 * @param tokenCount    how many tokens were scored (the divisor of llama.cpp's per-token mean)
 * @param greedy        whether every continuation token was the model's argmax (LAMBADA's criterion)
 */
public record ChoiceResult(double logLikelihood, int tokenCount, boolean greedy) {
}
