package dev.lmscore.engine.choice;

import dev.lmscore.engine.ShardGroups;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which part of a choice run to compute: a shard of the decode groups, minus items already scored
 * by an earlier, interrupted run (from its checkpoint); and who to tell as items are scored.
 *
 * @param shardIndex   this shard, 0-based
 * @param shards       number of shards (1: the whole run)
 * @param alreadyDone  item results recovered from a checkpoint
 * @param onItemScored receives each newly scored item's result, in task order (not the recovered ones)
 */
public record ChoiceSelection(int shardIndex, int shards, List<ItemResult> alreadyDone,
                              Consumer<ItemResult> onItemScored) {

    public static ChoiceSelection all(Consumer<ItemResult> onItemScored) {
        return new ChoiceSelection(0, 1, List.of(), onItemScored);
    }

    public ChoiceSelection {
        ShardGroups.check(shardIndex, shards);
        alreadyDone = List.copyOf(alreadyDone);
    }
}
