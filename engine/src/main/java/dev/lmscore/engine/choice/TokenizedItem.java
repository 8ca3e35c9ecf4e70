package dev.lmscore.engine.choice;

/**
 * An item's choices as token sequences ready to decode. Sequence i is the prefix token (BOS), the
 * context and the continuation; {@code tokens[i][scoreFrom[i]..]} are its scored tokens, each
 * predicted by the logits of the position before it. The first {@code shared} positions are equal
 * in every sequence and are decoded once for all of them. The last token of a sequence predicts
 * nothing, so it is never decoded.
 *
 * @param index     the item's place in the task
 * @param item      what was tokenized
 * @param tokens    one sequence per choice
 * @param scoreFrom per choice, the index of its first scored token (at least 1)
 * @param shared    leading positions common to all sequences (at most the shortest length - 1)
 */
record TokenizedItem(int index, ChoiceItem item, int[][] tokens, int[] scoreFrom, int shared) {

    static TokenizedItem of(int index, ChoiceItem item, int[][] tokens, int[] scoreFrom) {
        return new TokenizedItem(index, item, tokens, scoreFrom, sharedPrefix(tokens));
    }

    /** Length of the common prefix of all sequences, leaving each at least its last decoded position. */
    static int sharedPrefix(int[][] tokens) {
        int limit = Integer.MAX_VALUE;
        for (int[] t : tokens) {
            limit = Math.min(limit, t.length - 1);
        }
        int n = 0;
        while (n < limit && allEqualAt(tokens, n)) {
            n++;
        }
        return n;
    }

    private static boolean allEqualAt(int[][] tokens, int p) {
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i][p] != tokens[0][p]) {
                return false;
            }
        }
        return true;
    }

    int choices() {
        return tokens.length;
    }

    int continuationTokens(int choice) {
        return tokens[choice].length - scoreFrom[choice];
    }

    /** Tokens the decoder runs: the shared prefix once, then each sequence's own positions. */
    int decodedTokens() {
        int n = shared;
        for (int[] t : tokens) {
            n += t.length - 1 - shared;
        }
        return n;
    }

    /** Tokens of all (context, continuation) pairs, each decoded on its own: what sharing is measured against. */
    long pairTokens() {
        long n = 0;
        for (int[] t : tokens) {
            n += t.length;
        }
        return n;
    }

    int longestSequence() {
        int n = 0;
        for (int[] t : tokens) {
            n = Math.max(n, t.length);
        }
        return n;
    }
}
