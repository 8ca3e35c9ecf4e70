package dev.lmscore.engine.choice;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.ShardGroups;
import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.InterruptedRunException;
import dev.lmscore.engine.llama.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Log-likelihoods of every choice of every item of a task:
 * items → token sequences → packed groups → logits → log-probs → per-item results.
 */
public final class ChoiceScorer {
    private ChoiceScorer() {}

    /**
     * Scores every item of the task.
     *
     * @param sink     told each item's result as soon as its group is decoded, in task order
     * @param progress told items done after each group
     */
    public static ChoiceRun run(Model model, ChoiceTask task, ChoiceOptions options, Consumer<ItemResult> sink,
                                Progress progress) {
        return run(model, task, options, ChoiceSelection.all(sink), progress);
    }

    /**
     * Scores the items of one shard of the task that are not done yet, and stops early (without
     * error) when the user interrupts the run: the result then holds fewer items than planned.
     *
     * <p>Decode groups are planned over the whole task, whatever is sharded or already done, and
     * the context is sized for the whole plan. At llama.cpp's default precision a choice's
     * log-likelihood depends on the batch it was decoded in (the attention kernel changes with the
     * batch shape), so only decoding every item in exactly the group of an uninterrupted run makes
     * resumed and merged runs give identical numbers. A group with any item not done is decoded
     * whole; its items already done keep their recorded results and are not reported again.
     */
    public static ChoiceRun run(Model model, ChoiceTask task, ChoiceOptions options, ChoiceSelection selection,
                                Progress progress) {
        checkOptions(options);
        if (task.items().isEmpty()) {
            throw LmscoreException.badInput("task " + task.name() + " has no items");
        }
        long t0 = System.nanoTime();
        RequestBuilder builder = new RequestBuilder(model.vocabulary(), options.tokenization(), options.addBos());
        List<TokenizedItem> items = new ArrayList<>(task.items().size());
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < task.items().size(); i++) {
            TokenizedItem item = builder.build(i, task.items().get(i));
            String problem = whyItDoesNotFit(item, options, model.trainingContext());
            if (problem == null) {
                items.add(item);
            } else if (options.skipTooLong()) {
                skipped.add(item.item().id());
            } else {
                throw LmscoreException.badInput(task.name() + ": " + problem + " (raise the context size or skip long items)");
            }
        }
        if (items.isEmpty()) {
            throw LmscoreException.badInput(task.name() + ": all " + skipped.size() + " items were too long to score");
        }
        long t1 = System.nanoTime();

        List<List<TokenizedItem>> groups = GroupPacker.pack(items, options.groupTokens(), options.maxSequences());
        int sequences = 1;
        int maxChoices = 1;
        for (List<TokenizedItem> group : groups) {
            int s = 0;
            for (TokenizedItem item : group) {
                s += item.choices();
                maxChoices = Math.max(maxChoices, item.choices());
            }
            sequences = Math.max(sequences, s);
        }
        List<Integer> shardGroups = ShardGroups.of(groups.size(), selection.shardIndex(), selection.shards());
        Map<Integer, ItemResult> done = recordedResults(task, selection.alreadyDone(), groups, shardGroups);
        List<Integer> toDecode = new ArrayList<>();
        int planned = 0;
        for (int g : shardGroups) {
            planned += groups.get(g).size();
            if (!groups.get(g).stream().allMatch(item -> done.containsKey(item.index()))) {
                toDecode.add(g);
            }
        }

        TreeMap<Integer, ItemResult> results = new TreeMap<>(done);
        long decoded = 0;
        long pairTokens = 0;
        int decodedGroups = 0;
        long decodes = 0;
        if (!toDecode.isEmpty()) {
            // One KV cache fill per group: unified, because a shared prefix's cells belong to several
            // sequences. A unified cache takes any sequence id below 256 whatever n_seq_max says, and
            // llama.cpp asserts (aborting the process) if n_seq_max exceeds the batch's output rows.
            int batchSize = Math.min(options.batchSize(), options.contextSize());
            ContextOptions contextOptions = new ContextOptions(options.contextSize(), batchSize, options.ubatchSize(),
                    Math.min(sequences, batchSize), options.threads(), options.flashAttention(), options.cacheType(), true);
            try (EvalContext context = EvalContext.create(model, contextOptions);
                 KernelPool pool = new KernelPool(contextOptions.effectiveThreads());
                 GroupDecoder decoder = new GroupDecoder(context, pool, maxChoices)) {
                GroupLayout layout = new GroupLayout();
                for (int g : toDecode) {
                    List<TokenizedItem> group = groups.get(g);
                    layout.build(group);
                    try {
                        decoder.decode(layout);
                    } catch (InterruptedRunException e) {
                        break; // the group cut short is dropped whole; a resumed run decodes it again
                    }
                    decoded += layout.entries;
                    decodedGroups++;
                    for (int k = 0; k < group.size(); k++) {
                        TokenizedItem item = group.get(k);
                        pairTokens += item.pairTokens();
                        if (!done.containsKey(item.index())) {
                            ItemResult result = layout.result(k);
                            results.put(item.index(), result);
                            selection.onItemScored().accept(result);
                        }
                    }
                    progress.update(results.size(), planned, decoded);
                }
                decodes = decoder.decodes();
            }
        }
        long t2 = System.nanoTime();
        return new ChoiceRun(options, List.copyOf(results.values()), List.copyOf(skipped), decoded, pairTokens,
                decodedGroups, decodes, (t1 - t0) / 1e6, (t2 - t1) / 1e6, planned, done.size());
    }

    /** The recovered results by item index, each checked to be one this shard scores. */
    private static Map<Integer, ItemResult> recordedResults(ChoiceTask task, List<ItemResult> recovered,
                                                            List<List<TokenizedItem>> groups, List<Integer> shardGroups) {
        Set<Integer> planned = new HashSet<>();
        for (int g : shardGroups) {
            for (TokenizedItem item : groups.get(g)) {
                planned.add(item.index());
            }
        }
        Map<Integer, ItemResult> done = new HashMap<>();
        for (ItemResult r : recovered) {
            if (!planned.contains(r.index())) {
                throw LmscoreException.badInput(task.name() + ": the checkpoint holds item " + r.item().id()
                        + ", which this run does not score");
            }
            done.putIfAbsent(r.index(), r);
        }
        return done;
    }

    /** Null when the item can be scored with these settings, else why not, naming the item. */
    static String whyItDoesNotFit(TokenizedItem item, ChoiceOptions options, int trainingContext) {
        String id = "item " + item.item().id();
        if (item.decodedTokens() > options.contextSize()) {
            return String.format("%s needs %d tokens (its shared prefix decoded once), more than the context of %d",
                    id, item.decodedTokens(), options.contextSize());
        }
        if (item.choices() > options.maxSequences()) {
            return String.format("%s has %d choices, more than %d sequences per decode", id, item.choices(),
                    options.maxSequences());
        }
        if (trainingContext > 0 && item.longestSequence() > trainingContext) {
            return String.format("%s has a choice of %d tokens, longer than the model's training context %d", id,
                    item.longestSequence(), trainingContext);
        }
        return null;
    }

    private static void checkOptions(ChoiceOptions o) {
        if (o.contextSize() < 2) {
            throw LmscoreException.usage("context size must be at least 2, got " + o.contextSize());
        }
        if (o.batchSize() < 1 || o.ubatchSize() < 1) {
            throw LmscoreException.usage("batch sizes must be positive, got " + o.batchSize() + " and " + o.ubatchSize());
        }
        if (o.maxSequences() < 1 || o.maxSequences() > ChoiceOptions.MAX_SEQUENCES) {
            throw LmscoreException.usage("sequences per decode must be between 1 and " + ChoiceOptions.MAX_SEQUENCES
                    + ", got " + o.maxSequences());
        }
        if (o.threads() < 0) {
            throw LmscoreException.usage("threads must not be negative, got " + o.threads());
        }
    }
}
