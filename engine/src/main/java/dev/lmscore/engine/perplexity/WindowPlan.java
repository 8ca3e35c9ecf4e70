package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.LmscoreException;
import java.util.ArrayList;
import java.util.List;

/** How a tokenized text is cut into windows: llama-perplexity's chunks, or rolling full coverage. */
public final class WindowPlan {
    private WindowPlan() {}

    /**
     * How many tokens from the start of the text the first {@code maxWindows} windows read, so that
     * only that much needs tokenizing; 0 when the plan takes the whole text. Chunks need at least two
     * (llama-perplexity refuses a text of fewer tokens, and the check must see as many).
     */
    public static int tokensNeeded(PerplexityOptions options) {
        int max = options.maxWindows();
        if (max <= 0) {
            return 0;
        }
        long n = options.contextSize();
        long tokens = options.mode() == PerplexityOptions.Mode.CHUNKED
                ? Math.max(2, max) * n
                : n + (max - 1L) * options.effectiveStride() + 1;
        return tokens > Integer.MAX_VALUE / 2 ? 0 : (int) tokens;
    }

    /**
     * llama-perplexity's default: {@code tokens.length / n} non-overlapping chunks of n tokens (the
     * remainder is dropped), BOS overwriting each chunk's first token when the vocabulary adds one,
     * positions n/2 .. n-2 scored.
     */
    public static List<Window> chunks(int tokenCount, int n, boolean addBos, int maxChunks) {
        if (tokenCount < 2 * n) {
            throw LmscoreException.badInput("the text tokenizes to only " + tokenCount + " tokens; perplexity with a "
                    + "context of " + n + " needs at least " + 2 * n);
        }
        int chunks = tokenCount / n;
        if (maxChunks > 0) {
            chunks = Math.min(chunks, maxChunks);
        }
        List<Window> windows = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            windows.add(new Window(c, c * n, n, addBos, n / 2, n - 1));
        }
        return windows;
    }

    /**
     * Every token scored exactly once, as lm-evaluation-harness's rolling log-likelihood: the first
     * window is BOS + the first n-1 tokens, predicting tokens 0..n-1; each later window predicts the
     * next {@code stride} tokens, conditioned on the n tokens before them. With stride = n the
     * windows are disjoint (the harness's behaviour); a smaller stride gives every scored token at
     * least n - stride tokens of context.
     *
     * @param prefixBos condition the first token on BOS (else the first token is not scored)
     */
    public static List<Window> rolling(int tokenCount, int n, int stride, boolean prefixBos, int maxWindows) {
        if (stride <= 0 || stride > n) {
            throw LmscoreException.usage("stride must be between 1 and the context size " + n + ", got " + stride);
        }
        if (tokenCount < 2) {
            throw LmscoreException.badInput("the text tokenizes to only " + tokenCount + " token(s); nothing to score");
        }
        List<Window> windows = new ArrayList<>();
        int predicted;
        if (prefixBos) {
            int first = Math.min(n, tokenCount);
            windows.add(new Window(0, -1, first, true, 0, first));
            predicted = first;
        } else {
            int first = Math.min(n, tokenCount);
            windows.add(new Window(0, 0, first, false, 0, first - 1));
            predicted = first;
        }
        while (predicted < tokenCount && (maxWindows <= 0 || windows.size() < maxWindows)) {
            int end = Math.min(tokenCount, predicted + stride); // exclusive end of predicted tokens
            int start = Math.max(0, end - 1 - n);               // first input token
            int length = end - 1 - start;                       // inputs: tokens[start .. end-2]
            windows.add(new Window(windows.size(), start, length, false, predicted - 1 - start, length));
            predicted = end;
        }
        if (maxWindows > 0 && windows.size() > maxWindows) {
            return windows.subList(0, maxWindows);
        }
        return windows;
    }
}
