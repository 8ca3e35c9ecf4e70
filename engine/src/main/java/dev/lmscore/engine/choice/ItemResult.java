package dev.lmscore.engine.choice;

/**
 * What the model said about one item: per choice, the log-likelihood of its continuation, the
 * number of continuation tokens, and whether every one of them was the model's top token. The
 * arrays belong to the result; do not change them.
 *
 * @param index          the item's place in the task
 * @param logLikelihoods sum of the continuation tokens' log-probabilities (natural log)
 * @param tokenCounts    continuation tokens scored
 * @param greedy         every continuation token was the argmax (greedy decoding would produce it)
 */
public record ItemResult(ChoiceItem item, int index, double[] logLikelihoods, int[] tokenCounts, boolean[] greedy) {

    public int choices() {
        return logLikelihoods.length;
    }

    /** The choice with the highest log-likelihood (lm-evaluation-harness {@code acc}); ties go to the first. */
    public int prediction() {
        return argmax(i -> logLikelihoods[i]);
    }

    /**
     * The choice with the highest log-likelihood per character of its continuation
     * (lm-evaluation-harness {@code acc_norm}); see {@link #normalizationLength}.
     */
    public int predictionPerCharacter() {
        return argmax(i -> logLikelihoods[i] / normalizationLength(item.choices().get(i).continuation()));
    }

    /** The choice with the highest mean log-probability per token (llama-perplexity's HellaSwag score). */
    public int predictionPerToken() {
        return argmax(i -> logLikelihoods[i] / tokenCounts[i]);
    }

    /**
     * Characters (Unicode code points) acc_norm divides by: the harness counts the choice's own
     * characters, without the target delimiter (a space) that joins it to the context.
     */
    static int normalizationLength(String continuation) {
        int from = continuation.startsWith(" ") ? 1 : 0;
        return Math.max(1, continuation.codePointCount(from, continuation.length()));
    }

    private int argmax(java.util.function.IntToDoubleFunction score) {
        int best = 0;
        double bestScore = score.applyAsDouble(0);
        for (int i = 1; i < logLikelihoods.length; i++) {
            double s = score.applyAsDouble(i);
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }
}
