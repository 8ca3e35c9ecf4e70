package dev.lmscore.engine.choice;

import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.TokenBatch;

/**
 * Decodes a group laid out by {@link GroupLayout} on an empty KV cache, in slices of the batch
 * size, and scores each slice's pairs while its logits sit in llama.cpp's buffer.
 */
final class GroupDecoder implements AutoCloseable {
    private final EvalContext context;
    private final KernelPool pool;
    private final TokenBatch batch;
    private final int[] sequences;
    private long decodes;

    /** @param maxChoices most sequences one token can belong to (the widest item's choices) */
    GroupDecoder(EvalContext context, KernelPool pool, int maxChoices) {
        this.context = context;
        this.pool = pool;
        this.batch = new TokenBatch(context.batchSize(), maxChoices);
        this.sequences = new int[maxChoices];
    }

    void decode(GroupLayout layout) {
        context.clearMemory();
        int firstRow = 0;
        int firstPair = 0;
        for (int from = 0; from < layout.entries; from += batch.capacity()) {
            fill(layout, from, Math.min(layout.entries, from + batch.capacity()));
            context.decode(batch);
            decodes++;
            int endRow = firstRow + batch.outputs();
            int endPair = firstPair;
            while (endPair < layout.pairs && layout.pairRow[endPair] < endRow) {
                endPair++;
            }
            if (endPair > firstPair) {
                pool.scorePairs(context.logits(batch.outputs()), context.vocabularySize(), layout.pairRow, firstRow,
                        layout.pairTarget, firstPair, endPair, layout.pairLogProb, layout.pairGreedy);
            }
            firstRow = endRow;
            firstPair = endPair;
        }
    }

    private void fill(GroupLayout layout, int from, int to) {
        batch.clear();
        for (int e = from; e < to; e++) {
            int count = layout.sequenceCount[e];
            if (count == 1) {
                batch.add(layout.token[e], layout.position[e], layout.firstSequence[e], layout.output[e]);
            } else {
                for (int s = 0; s < count; s++) {
                    sequences[s] = layout.firstSequence[e] + s;
                }
                batch.addShared(layout.token[e], layout.position[e], sequences, count, layout.output[e]);
            }
        }
    }

    /** llama_decode calls made so far. */
    long decodes() {
        return decodes;
    }

    @Override
    public void close() {
        batch.close();
    }
}
