package dev.lmscore.engine.choice;

import java.util.List;

/**
 * The outcome of scoring a task, or one shard of it.
 *
 * @param results        per scored item, in task order: those recovered from a checkpoint and those scored now
 * @param skipped        ids of items that did not fit and were skipped (with skipTooLong)
 * @param decodedTokens  tokens decoded by this run: shared prefixes once
 * @param pairTokens     tokens of the (context, continuation) pairs of the groups this run decoded, as if
 *                       each were decoded alone
 * @param groups         decode groups (KV cache fills) this run decoded
 * @param decodes        llama_decode calls
 * @param tokenizeMillis time spent tokenizing
 * @param scoreMillis    time spent decoding and scoring
 * @param plannedItems   items this run (or shard) set out to score, recovered ones included
 * @param recoveredItems items whose results came from a checkpoint rather than this run's decodes
 */
public record ChoiceRun(ChoiceOptions options, List<ItemResult> results, List<String> skipped, long decodedTokens,
                        long pairTokens, int groups, long decodes, double tokenizeMillis, double scoreMillis,
                        int plannedItems, int recoveredItems) {

    /** Fraction of the pairs' tokens that shared prefixes (and not decoding each sequence's last token) saved. */
    public double decodeSavings() {
        return pairTokens == 0 ? 0 : 1 - (double) decodedTokens / pairTokens;
    }

    /** Items scored by this run's decodes per second of decode-and-score time. */
    public double itemsPerSecond() {
        return (results.size() - recoveredItems) / (scoreMillis / 1000.0);
    }

    /** Whether the user stopped the run before all planned items were scored. */
    public boolean interrupted() {
        return results.size() < plannedItems;
    }
}
