package dev.lmscore.engine.kld;

import java.util.Arrays;

/**
 * Where a scored row of a decode group belongs in chunk-major order (window, then position), the
 * order of llama-perplexity's base-logits file. A window longer than the batch arrives in slices,
 * several windows interleaved per slice, but each window's own rows always arrive in position
 * order, so counting the rows seen per window is enough.
 */
final class GroupSlots {
    private final int perWindow;
    private final int[] seen;
    private int firstWindow;

    GroupSlots(int perWindow, int maxWindows) {
        this.perWindow = perWindow;
        this.seen = new int[maxWindows];
    }

    void start(int firstWindow) {
        this.firstWindow = firstWindow;
        Arrays.fill(seen, 0);
    }

    /** The next row of window w, as an index within the group. */
    int next(int window) {
        int local = window - firstWindow;
        return local * perWindow + seen[local]++;
    }

    int perWindow() {
        return perWindow;
    }
}
