package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.ShardGroups;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The unit of work of a perplexity run: consecutive windows decoded together in one batch. Groups
 * are fixed by the window plan and the sequences per decode, never by what has already been done,
 * so a resumed or sharded run decodes every window in exactly the batch it would have had in one
 * uninterrupted run, and its sums are bit-identical.
 */
public record WindowGroups(int windows, int sequences) {

    public int count() {
        return (windows + sequences - 1) / sequences;
    }

    public int first(int group) {
        return group * sequences;
    }

    public int end(int group) {
        return Math.min(windows, first(group) + sequences);
    }

    /** Groups of shard {@code index} of {@code shards}: every shards-th group, starting at index. */
    public List<Integer> shard(int index, int shards) {
        return ShardGroups.of(count(), index, shards);
    }

    /** The given groups minus those whose windows are all done. */
    public List<Integer> remaining(List<Integer> groups, BitSet doneWindows) {
        List<Integer> result = new ArrayList<>();
        for (int g : groups) {
            int next = doneWindows.nextClearBit(first(g));
            if (next < end(g)) {
                result.add(g);
            }
        }
        return result;
    }
}
