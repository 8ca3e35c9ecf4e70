package dev.lmscore.engine.choice;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.Vocabulary;
import java.util.List;

/** Turns an item's (context, continuation) requests into token sequences and their scored ranges. */
final class RequestBuilder {
    private static final int[] NONE = new int[0];
    private final Vocabulary vocabulary;
    private final Tokenization tokenization;
    private final boolean addBos;

    /** @param addBos prepend BOS when the vocabulary asks for it (turn off to score without it) */
    RequestBuilder(Vocabulary vocabulary, Tokenization tokenization, boolean addBos) {
        this.vocabulary = vocabulary;
        this.tokenization = tokenization;
        this.addBos = addBos;
    }

    TokenizedItem build(int index, ChoiceItem item) {
        List<ChoiceRequest> requests = item.choices();
        if (requests.isEmpty()) {
            throw LmscoreException.badInput("item " + item.id() + " has no choices");
        }
        int[][] tokens = new int[requests.size()][];
        int[] scoreFrom = new int[requests.size()];
        switch (tokenization) {
            case LM_EVAL -> harness(item, tokens, scoreFrom);
            case LLAMA_CPP -> llamaCpp(item, tokens, scoreFrom);
        }
        return TokenizedItem.of(index, item, tokens, scoreFrom);
    }

    private void harness(ChoiceItem item, int[][] tokens, int[] scoreFrom) {
        int[] bos = addBos && vocabulary.addsBos() ? new int[] {vocabulary.bos()} : NONE;
        String lastContext = null;
        int contextTokens = 0;
        for (int i = 0; i < tokens.length; i++) {
            ChoiceRequest r = moveTrailingWhitespace(item.choices().get(i));
            if (!r.context().equals(lastContext)) { // the choices of an item usually share their context
                lastContext = r.context();
                contextTokens = r.context().isEmpty() ? 0 : vocabulary.tokenize(r.context(), false, false).length;
            }
            int[] whole = vocabulary.tokenize(r.context() + r.continuation(), false, false);
            if (whole.length <= contextTokens) {
                throw LmscoreException.badInput("item " + item.id() + ", choice " + i + ": the continuation '"
                        + r.continuation() + "' adds no tokens to the context");
            }
            // Something must predict the first continuation token: an empty context is BOS alone.
            int[] lead = bos.length == 0 && contextTokens == 0 ? new int[] {emptyContextToken(item)} : bos;
            tokens[i] = concat(lead, whole);
            scoreFrom[i] = lead.length + contextTokens;
        }
    }

    private void llamaCpp(ChoiceItem item, int[][] tokens, int[] scoreFrom) {
        for (int i = 0; i < tokens.length; i++) {
            ChoiceRequest r = item.choices().get(i);
            tokens[i] = vocabulary.tokenize(r.context() + r.continuation(), addBos, false);
        }
        int common = TokenizedItem.sharedPrefix(tokens);
        for (int i = 0; i < tokens.length; i++) {
            scoreFrom[i] = Math.max(1, common);
            if (scoreFrom[i] >= tokens[i].length) {
                throw LmscoreException.badInput("item " + item.id() + ", choice " + i + " has no token to score");
            }
        }
    }

    private int emptyContextToken(ChoiceItem item) {
        int token = vocabulary.bos() >= 0 ? vocabulary.bos() : vocabulary.eos();
        if (token < 0) {
            throw LmscoreException.badInput("item " + item.id() + " has an empty context, and the vocabulary has "
                    + "neither BOS nor EOS to condition the continuation on");
        }
        return token;
    }

    /** lm-evaluation-harness moves the context's trailing whitespace to the front of the continuation. */
    static ChoiceRequest moveTrailingWhitespace(ChoiceRequest r) {
        String context = r.context();
        int end = context.length();
        while (end > 0) {
            int cp = context.codePointBefore(end);
            if (!isPythonSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        if (end == context.length()) {
            return r;
        }
        return new ChoiceRequest(context.substring(0, end), context.substring(end) + r.continuation());
    }

    /** Python's {@code str.isspace}, which {@code rstrip()} strips. */
    static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
