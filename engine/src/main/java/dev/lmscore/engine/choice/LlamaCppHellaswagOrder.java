package dev.lmscore.engine.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which {@code llama-perplexity --hellaswag} scores the tasks of its text file, so that
 * {@code --limit N} scores exactly its first N picks. llama-perplexity always shuffles: it picks each
 * task uniformly among those left, with {@code std::mt19937(1)} and libstdc++'s
 * {@code uniform_int_distribution}, removing each pick.
 */
final class LlamaCppHellaswagOrder {
    /** The task name that asks for llama-perplexity's order and tokenization. */
    static final String TASK = "hellaswag-llamacpp";

    private LlamaCppHellaswagOrder() {}

    /** The first {@code limit} (0: all) tasks that llama-perplexity picks from {@code inFileOrder}. */
    static ChoiceTask firstPicks(ChoiceTask inFileOrder, int limit) {
        List<ChoiceItem> items = inFileOrder.items();
        int count = limit > 0 ? Math.min(limit, items.size()) : items.size();
        List<Integer> left = new ArrayList<>(items.size());
        for (int t = 0; t < items.size(); t++) {
            left.add(t);
        }
        Mt19937 rng = new Mt19937(1);
        List<ChoiceItem> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(items.get(left.remove(rng.uniformIndex(left.size()))));
        }
        return new ChoiceTask(TASK, inFileOrder.kind(), picked, inFileOrder.format(), inFileOrder.targetDelimiter(),
                inFileOrder.loadReport());
    }
}
