package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.Vocabulary;
import dev.lmscore.engine.stats.NllStats;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns scored logits rows into per-window sums: negative log-likelihood, its square, token and
 * byte counts and top-1 hits. Each window's rows arrive in position order and windows are summed
 * in text order, so totals do not depend on batch size, packing or thread count.
 */
final class NllCollector implements RowSink {
    private final KernelPool pool;
    private final Vocabulary vocabulary;
    private final int vocabSize;
    private final double[] logProbs;
    private final boolean[] greedy;
    private final double[] sum;
    private final double[] sumSquares;
    private final long[] count;
    private final long[] bytes;
    private final long[] top1;

    private final WindowGroups groups;
    private final Consumer<List<WindowScore>> onGroupDone;

    /** @param onGroupDone receives the scores of each completed group's windows, in window order */
    NllCollector(KernelPool pool, Vocabulary vocabulary, int maxRows, int windows, WindowGroups groups,
                 Consumer<List<WindowScore>> onGroupDone) {
        this.groups = groups;
        this.onGroupDone = onGroupDone;
        this.pool = pool;
        this.vocabulary = vocabulary;
        this.vocabSize = vocabulary.size();
        this.logProbs = new double[maxRows];
        this.greedy = new boolean[maxRows];
        this.sum = new double[windows];
        this.sumSquares = new double[windows];
        this.count = new long[windows];
        this.bytes = new long[windows];
        this.top1 = new long[windows];
    }

    @Override
    public void accept(MemorySegment logits, int rows, int[] rowWindow, int[] rowTarget) {
        pool.score(logits, rows, vocabSize, rowTarget, logProbs, greedy);
        for (int r = 0; r < rows; r++) {
            int w = rowWindow[r];
            double nll = -logProbs[r];
            sum[w] += nll;
            sumSquares[w] += nll * nll;
            count[w]++;
            bytes[w] += vocabulary.pieceLength(rowTarget[r]);
            if (greedy[r]) {
                top1[w]++;
            }
        }
    }

    @Override
    public void groupDone(int group) {
        List<WindowScore> finished = new ArrayList<>(groups.end(group) - groups.first(group));
        for (int w = groups.first(group); w < groups.end(group); w++) {
            finished.add(window(w));
        }
        onGroupDone.accept(finished);
    }

    WindowScore window(int w) {
        return new WindowScore(w, new NllStats(count[w], sum[w], sumSquares[w]), bytes[w], top1[w]);
    }
}
