package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.InterruptedRunException;
import dev.lmscore.engine.llama.TokenBatch;
import java.util.List;

/**
 * Decodes windows as llama-perplexity does: up to {@code sequences} windows side by side in one
 * batch, each its own sequence id, the KV cache cleared between groups; a window longer than the
 * batch is decoded in consecutive slices. Only scored positions ask for logits, and each decode's
 * rows go straight to the sink while they sit in llama.cpp's buffer.
 */
public final class WindowDecoder implements AutoCloseable {
    private final EvalContext context;
    private final int sequences;
    private final TokenBatch batch;
    private final int[] rowWindow;
    private final int[] rowTarget;

    public WindowDecoder(EvalContext context, int sequences) {
        this.context = context;
        this.sequences = sequences;
        int capacity = context.batchSize();
        this.batch = new TokenBatch(capacity, 1);
        this.rowWindow = new int[capacity];
        this.rowTarget = new int[capacity];
    }

    /**
     * Decodes and scores the given groups of windows, in order, each group's windows side by side,
     * telling the sink when each group is complete. Returns how many groups were completed: fewer
     * than asked when the user interrupted the run (a group cut short by the abort is not announced,
     * and its partial sums must be ignored).
     */
    public int run(int[] tokens, int bos, List<Window> windows, WindowGroups groups, List<Integer> toRun,
                   RowSink sink, Progress progress) {
        long scored = 0;
        int done = 0;
        // progress counts windows (the "chunks" users asked for), not groups of them
        int windowsTotal = 0;
        for (int g : toRun) {
            windowsTotal += groups.end(g) - groups.first(g);
        }
        int windowsDone = 0;
        for (int g : toRun) {
            List<Window> group = windows.subList(groups.first(g), groups.end(g));
            context.clearMemory();
            int longest = 0;
            for (Window w : group) {
                longest = Math.max(longest, w.length());
            }
            int slice = Math.max(1, batch.capacity() / group.size());
            try {
                for (int p0 = 0; p0 < longest; p0 += slice) {
                    int rows = fill(tokens, bos, group, p0, Math.min(longest, p0 + slice));
                    context.decode(batch);
                    if (rows > 0) {
                        sink.accept(context.logits(rows), rows, rowWindow, rowTarget);
                    }
                    scored += rows;
                }
            } catch (InterruptedRunException e) {
                return done;
            }
            done++;
            windowsDone += group.size();
            sink.groupDone(g);
            progress.update(windowsDone, windowsTotal, scored);
        }
        return done;
    }

    /** Puts positions [p0, p1) of every window of the group into the batch; returns the output rows. */
    private int fill(int[] tokens, int bos, List<Window> group, int p0, int p1) {
        batch.clear();
        int rows = 0;
        for (int s = 0; s < group.size(); s++) {
            Window w = group.get(s);
            int end = Math.min(p1, w.length());
            for (int p = p0; p < end; p++) {
                boolean scored = p >= w.scoreFrom() && p < w.scoreTo();
                batch.add(w.inputToken(tokens, bos, p), p, s, scored);
                if (scored) {
                    rowWindow[rows] = w.index();
                    rowTarget[rows] = w.target(tokens, p);
                    rows++;
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        batch.close();
    }
}
