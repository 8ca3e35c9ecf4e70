package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Picks the few-shot examples of each item, deterministically: the same seed, data and k give the same
 * prompts. Random picks are seeded per item (from the seed and the item's position), so one item's
 * prompt does not depend on how many items came before it.
 */
final class FewshotSelector {

    private final String taskName;
    private final List<Doc> pool;
    private final boolean poolIsTheItems;
    private final PromptStyle style;
    private final long seed;
    // Pool positions by group (one entry, key null, when examples may come from any group).
    private final Map<String, int[]> positionsByGroup = new HashMap<>();
    // Where each doc of a separate pool is, so that an item found there too is not its own example.
    private final Map<Doc, Integer> positionOfDoc = new HashMap<>();

    /**
     * @param pool           the docs to draw from
     * @param poolIsTheItems whether the pool is the evaluated docs themselves, so an item must not be
     *                       its own example
     */
    FewshotSelector(String taskName, List<Doc> pool, boolean poolIsTheItems, PromptStyle style, long seed) {
        this.taskName = taskName;
        this.pool = pool;
        this.poolIsTheItems = poolIsTheItems;
        this.style = style;
        this.seed = seed;
        var lists = new HashMap<String, List<Integer>>();
        for (int i = 0; i < pool.size(); i++) {
            lists.computeIfAbsent(groupKey(pool.get(i)), g -> new ArrayList<>()).add(i);
        }
        lists.forEach((g, list) -> positionsByGroup.put(g, list.stream().mapToInt(Integer::intValue).toArray()));
        if (!poolIsTheItems) {
            for (int i = pool.size() - 1; i >= 0; i--) {
                positionOfDoc.put(pool.get(i), i); // the first copy wins
            }
        }
    }

    /** The k examples for the item at {@code itemIndex} of the evaluated docs. */
    List<Doc> examplesFor(Doc item, int itemIndex, int k) {
        if (k == 0) {
            return List.of();
        }
        int[] positions = positionsByGroup.getOrDefault(groupKey(item), new int[0]);
        // The item itself is never its own example: its position in the pool is left out of the
        // candidates (lm-evaluation-harness likewise drops a sampled example equal to the item).
        int self = poolIsTheItems ? Arrays.binarySearch(positions, itemIndex)
                : Arrays.binarySearch(positions, positionOfDoc.getOrDefault(item, -1));
        int available = positions.length - (self >= 0 ? 1 : 0);
        if (available < k) {
            String where = style.fewshotWithinGroup() ? " in group '" + item.group() + "'" : "";
            throw new ChoiceFormatException("task '" + taskName + "': " + k + " few-shot examples asked for, only "
                    + available + " available" + where);
        }
        // "First n" means a separate example split's first questions; drawing from the evaluated items
        // themselves is always random, or the first few items would be every other item's examples.
        int[] chosen = style.sampler() == FewshotSampler.FIRST_N && !poolIsTheItems
                ? firstN(available, k)
                : randomDistinct(available, k, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + itemIndex));
        var out = new ArrayList<Doc>(k);
        for (int candidate : chosen) {
            // Candidates number the group's positions with the item's own skipped over.
            int slot = self >= 0 && candidate >= self ? candidate + 1 : candidate;
            out.add(pool.get(positions[slot]));
        }
        return out;
    }

    private String groupKey(Doc doc) {
        return style.fewshotWithinGroup() ? Objects.requireNonNullElse(doc.group(), "") : null;
    }

    private static int[] firstN(int available, int k) {
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = i;
        }
        return out;
    }

    // Floyd's algorithm draws k distinct values of 0..n-1 in O(k); a shuffle then makes their order random too.
    private static int[] randomDistinct(int n, int k, SplittableRandom random) {
        var chosen = new LinkedHashSet<Integer>();
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }
}
