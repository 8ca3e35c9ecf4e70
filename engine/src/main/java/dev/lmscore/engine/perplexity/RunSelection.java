package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.ShardGroups;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which part of a perplexity run to compute: a shard of the window groups, minus windows already
 * scored by an earlier, interrupted run (from its checkpoint); and who to tell as groups finish.
 *
 * @param shardIndex   this shard, 0-based
 * @param shards       number of shards (1: the whole run)
 * @param alreadyDone  window scores recovered from a checkpoint
 * @param onGroupDone  receives the scores of each newly completed group, in window order
 */
public record RunSelection(int shardIndex, int shards, List<WindowScore> alreadyDone,
                           Consumer<List<WindowScore>> onGroupDone) {

    public static RunSelection all() {
        return new RunSelection(0, 1, List.of(), scores -> { });
    }

    public RunSelection {
        ShardGroups.check(shardIndex, shards);
    }
}
