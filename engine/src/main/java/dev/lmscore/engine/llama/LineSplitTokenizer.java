package dev.lmscore.engine.llama;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tokenizes a long text into exactly the tokens of one {@code llama_tokenize} call over it, but in
 * pieces: on several threads, and only as far as a run needs. llama-perplexity tokenizes a whole
 * corpus on one thread before it decodes anything (0.4 s for WikiText-2's test set, seconds for
 * larger sets), even when it then scores ten chunks of it.
 *
 * <p><b>Why the pieces give the same tokens.</b> A piece starts only where no token of the whole
 * text can cross, by the vocabulary's {@link LineCut} rule (SentencePiece: after a line break no
 * vocabulary entry joins to anything; BPE: after a line break where the pre-tokenizer ends a
 * pre-token). What remains is how a piece starts: SentencePiece puts a space in front of a text,
 * which the original has not after a line break, and BPE's pre-tokenizer looks at the character
 * before. So a piece is tokenized behind an anchor, a line break, whose own tokens are checked and
 * dropped. A vocabulary without a rule, or an anchor that does not tokenize as expected, gets one
 * call over the whole text. LineSplitTokenizerTest compares pieces with whole texts for every
 * vocabulary kind at hand on prose, code and llama.cpp's tokenizer test strings.
 */
final class LineSplitTokenizer {
    /** Below this many characters a piece is not worth a thread. */
    private static final int MIN_PIECE_CHARS = 32 * 1024;
    private static final String ANCHOR = "\n";
    /** First guess of characters per token when only a prefix is needed (low: a second wave is cheap). */
    private static final double FIRST_GUESS_CHARS_PER_TOKEN = 1.5;

    private final Vocabulary vocabulary;
    private final String text;
    private final boolean addSpecial;
    private final int threads;
    private final int[] anchorTokens;
    private final LineCut cut;

    private LineSplitTokenizer(Vocabulary vocabulary, String text, boolean addSpecial, int threads) {
        this.vocabulary = vocabulary;
        this.text = text;
        this.addSpecial = addSpecial;
        this.threads = threads;
        this.anchorTokens = vocabulary.tokenizeUnguarded(ANCHOR, false);
        this.cut = vocabulary.lineCut();
    }

    /**
     * @param minTokens stop after the piece that brings the count to at least this (0: whole text)
     * @param threads   pieces tokenized at once
     */
    static TextTokens tokenize(Vocabulary vocabulary, String text, boolean addSpecial, int minTokens, int threads) {
        boolean oneCall = vocabulary.lineCut() == LineCut.NONE || (addSpecial && vocabulary.addsEos())
                || (minTokens <= 0 && (threads <= 1 || text.length() < 2 * MIN_PIECE_CHARS));
        if (oneCall) {
            return whole(vocabulary, text, addSpecial);
        }
        LineSplitTokenizer tokenizer = new LineSplitTokenizer(vocabulary, text, addSpecial, Math.max(1, threads));
        try {
            return tokenizer.run(minTokens);
        } catch (AnchorMismatch e) {
            return whole(vocabulary, text, addSpecial);
        }
    }

    private static TextTokens whole(Vocabulary vocabulary, String text, boolean addSpecial) {
        return new TextTokens(vocabulary.tokenize(text, addSpecial, false), true, 1);
    }

    private TextTokens run(int minTokens) {
        List<int[]> parts = new ArrayList<>();
        int tokens = 0;
        int start = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("lmscore-tokenize-", 0).factory())) {
            while (start < text.length() && (minTokens <= 0 || tokens < minTokens)) {
                int end = waveEnd(start, minTokens, tokens);
                vocabulary.guardAgainstAbort(text, start, end);
                List<Future<int[]>> pieces = new ArrayList<>();
                for (int[] piece : split(start, end)) {
                    boolean first = piece[0] == 0;
                    pieces.add(pool.submit(() -> tokenizePiece(piece[0], piece[1], first)));
                }
                for (Future<int[]> piece : pieces) {
                    int[] t = get(piece);
                    parts.add(t);
                    tokens += t.length;
                }
                start = end;
            }
        }
        int[] all = new int[tokens];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return new TextTokens(all, start >= text.length(), parts.size());
    }

    /** Where the next wave of pieces ends: the whole text, or enough of it for the tokens still missing. */
    private int waveEnd(int start, int minTokens, int tokensSoFar) {
        if (minTokens <= 0) {
            return text.length();
        }
        double charsPerToken = tokensSoFar == 0 ? FIRST_GUESS_CHARS_PER_TOKEN : (double) start / tokensSoFar;
        long chars = (long) Math.ceil((minTokens - tokensSoFar) * charsPerToken * 1.05) + 4096;
        return nextCut((int) Math.min(text.length(), start + Math.max(chars, MIN_PIECE_CHARS)));
    }

    /** [start, end) cut into up to {@code threads} pieces of similar length, each starting at a cut. */
    private List<int[]> split(int start, int end) {
        int count = (int) Math.max(1, Math.min(threads, (end - start) / (long) MIN_PIECE_CHARS));
        List<int[]> pieces = new ArrayList<>(count);
        int from = start;
        for (int i = 1; i < count && from < end; i++) {
            int cut = Math.min(end, nextCut(Math.max(from + 1, start + (int) ((end - start) * (long) i / count))));
            if (cut > from && cut < end) {
                pieces.add(new int[] {from, cut});
                from = cut;
            }
        }
        pieces.add(new int[] {from, end});
        return pieces;
    }

    private int nextCut(int from) {
        return cut.next(text, from);
    }

    private int[] tokenizePiece(int from, int to, boolean first) {
        if (first) {
            return vocabulary.tokenizeUnguarded(text.substring(from, to), addSpecial);
        }
        int[] anchored = vocabulary.tokenizeUnguarded(ANCHOR + text.substring(from, to), false);
        if (anchored.length < anchorTokens.length
                || !Arrays.equals(anchored, 0, anchorTokens.length, anchorTokens, 0, anchorTokens.length)) {
            throw new AnchorMismatch();
        }
        return Arrays.copyOfRange(anchored, anchorTokens.length, anchored.length);
    }

    private static int[] get(Future<int[]> piece) {
        try {
            return piece.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tokenizing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The anchor's tokens were not the start of an anchored piece: the pieces cannot be trusted. */
    private static final class AnchorMismatch extends RuntimeException {
        AnchorMismatch() {
            super(null, null, false, false);
        }
    }
}
