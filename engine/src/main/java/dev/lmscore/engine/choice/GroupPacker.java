package dev.lmscore.engine.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts items, in task order, into decode groups that fill the context: each group holds at most
 * {@code cells} decoded tokens (the KV cache, cleared between groups) and {@code sequences}
 * sequence ids (one per choice). Order is kept, so per-item results stream out in task order.
 */
final class GroupPacker {
    private GroupPacker() {}

    /** Every item must fit on its own (the caller checks); an item that does not fit the current group starts the next. */
    static List<List<TokenizedItem>> pack(List<TokenizedItem> items, int cells, int sequences) {
        List<List<TokenizedItem>> groups = new ArrayList<>();
        List<TokenizedItem> group = new ArrayList<>();
        int tokens = 0;
        int seqs = 0;
        for (TokenizedItem item : items) {
            int t = item.decodedTokens();
            int s = item.choices();
            if (!group.isEmpty() && (tokens + t > cells || seqs + s > sequences)) {
                groups.add(group);
                group = new ArrayList<>();
                tokens = 0;
                seqs = 0;
            }
            group.add(item);
            tokens += t;
            seqs += s;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }
}
