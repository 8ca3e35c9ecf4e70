package dev.lmscore.engine.choice;

import java.util.List;

/**
 * The outcome of scoring a task.
 *
 * @param results        per scored item, in task order
 * @param skipped        ids of items that did not fit and were skipped (with skipTooLong)
 * @param decodedTokens  tokens decoded: shared prefixes once
 * @param pairTokens     tokens of all (context, continuation) pairs, as if each were decoded alone
 * @param groups         decode groups (KV cache fills)
 * @param decodes        llama_decode calls
 * @param tokenizeMillis time spent tokenizing
 * @param scoreMillis    time spent decoding and scoring
 */
public record ChoiceRun(ChoiceOptions options, List<ItemResult> results, List<String> skipped, long decodedTokens,
                        long pairTokens, int groups, long decodes, double tokenizeMillis, double scoreMillis) {

    /** Fraction of the pairs' tokens that shared prefixes (and not decoding each sequence's last token) saved. */
    public double decodeSavings() {
        return pairTokens == 0 ? 0 : 1 - (double) decodedTokens / pairTokens;
    }

    public double itemsPerSecond() {
        return results.size() / (scoreMillis / 1000.0);
    }
}
