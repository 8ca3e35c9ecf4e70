package dev.lmscore.engine.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model said about one item: per choice, the log-likelihood of its continuation, the
 * number of continuation tokens, and whether every one of them was the model's top token. The
 * arrays belong to the result; do not change them. Which choice a metric picks is
 * {@link ChoiceMetrics}' business.
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

    /** The same numbers, one {@link ChoiceResult} per choice. */
    public List<ChoiceResult> choiceResults() {
        List<ChoiceResult> results = new ArrayList<>(logLikelihoods.length);
        for (int c = 0; c < logLikelihoods.length; c++) {
            results.add(new ChoiceResult(logLikelihoods[c], tokenCounts[c], greedy[c]));
        }
        return results;
    }
}
