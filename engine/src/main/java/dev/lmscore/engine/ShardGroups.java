package dev.lmscore.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Which units of work one shard of a run computes: every {@code count}-th group of the run's fixed
 * plan, starting at {@code index}. Dealing groups round-robin rather than in contiguous ranges keeps
 * the shards' running times close when the cost drifts along the data (long documents at the end of
 * a text, a task file sorted by subject). Groups, not single units, are dealt out because a unit's
 * numbers may depend on what it was decoded with: each shard decodes exactly the batches of one
 * uninterrupted run.
 */
public final class ShardGroups {
    private ShardGroups() {}

    /** The groups of shard {@code index} of {@code count}, in order. */
    public static List<Integer> of(int groupCount, int index, int count) {
        check(index, count);
        List<Integer> result = new ArrayList<>();
        for (int g = index; g < groupCount; g += count) {
            result.add(g);
        }
        return result;
    }

    public static void check(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }
}
