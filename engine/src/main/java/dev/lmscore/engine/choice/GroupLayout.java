package dev.lmscore.engine.choice;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of one decode group in batch order, and the (logits row, target) pairs to score.
 *
 * <p>Item after item: its shared prefix once, tagged with all of its sequence ids, then each
 * choice's own remaining positions with that choice's id. Every token comes after the tokens it
 * attends to, so the group may be decoded in consecutive slices. A row inside the shared prefix
 * serves every choice that scores it; choices that agree on the next token there share one pair, so
 * each (row, target) is scored once. Pairs are numbered in row order.
 *
 * <p>The arrays are reused from group to group.
 */
final class GroupLayout {
    int entries;
    int[] token = new int[256];
    int[] position = new int[256];
    int[] firstSequence = new int[256];
    int[] sequenceCount = new int[256];
    boolean[] output = new boolean[256];
    int rows;

    int pairs;
    int[] pairRow = new int[256];
    int[] pairTarget = new int[256];
    double[] pairLogProb = new double[256];
    boolean[] pairGreedy = new boolean[256];

    private List<TokenizedItem> items = List.of();
    /** Per item in the group, per choice, per scored token: its pair. */
    private int[][][] pairOf = new int[0][][];

    List<TokenizedItem> items() {
        return items;
    }

    void build(List<TokenizedItem> group) {
        items = group;
        entries = 0;
        rows = 0;
        pairs = 0;
        pairOf = new int[group.size()][][];
        int sequenceBase = 0;
        for (int g = 0; g < group.size(); g++) {
            pairOf[g] = place(group.get(g), sequenceBase);
            sequenceBase += group.get(g).choices();
        }
        pairLogProb = ensure(pairLogProb, pairs);
        pairGreedy = ensure(pairGreedy, pairs);
    }

    private int[][] place(TokenizedItem item, int sequenceBase) {
        int k = item.choices();
        int[][] tokens = item.tokens();
        int[] scoreFrom = item.scoreFrom();
        int[][] pairIndex = new int[k][];
        int firstScoredRow = Integer.MAX_VALUE; // position whose logits predict the first scored token
        for (int i = 0; i < k; i++) {
            pairIndex[i] = new int[item.continuationTokens(i)];
            firstScoredRow = Math.min(firstScoredRow, scoreFrom[i] - 1);
        }
        for (int p = 0; p < item.shared(); p++) {
            boolean scored = p >= firstScoredRow;
            addEntry(tokens[0][p], p, sequenceBase, k, scored);
            if (scored) {
                int row = rows++;
                int rowPairs = pairs;
                for (int i = 0; i < k; i++) {
                    if (p >= scoreFrom[i] - 1) {
                        pairIndex[i][p - scoreFrom[i] + 1] = sharedPair(row, rowPairs, tokens[i][p + 1]);
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int p = item.shared(); p < tokens[i].length - 1; p++) {
                boolean scored = p >= scoreFrom[i] - 1;
                addEntry(tokens[i][p], p, sequenceBase + i, 1, scored);
                if (scored) {
                    pairIndex[i][p - scoreFrom[i] + 1] = addPair(rows++, tokens[i][p + 1]);
                }
            }
        }
        return pairIndex;
    }

    /** The pair of this row with this target, added unless a choice scored before already asked for it. */
    private int sharedPair(int row, int rowPairs, int target) {
        for (int q = rowPairs; q < pairs; q++) {
            if (pairTarget[q] == target) {
                return q;
            }
        }
        return addPair(row, target);
    }

    private void addEntry(int tokenId, int pos, int sequence, int count, boolean out) {
        if (entries == token.length) {
            int n = entries * 2;
            token = Arrays.copyOf(token, n);
            position = Arrays.copyOf(position, n);
            firstSequence = Arrays.copyOf(firstSequence, n);
            sequenceCount = Arrays.copyOf(sequenceCount, n);
            output = Arrays.copyOf(output, n);
        }
        token[entries] = tokenId;
        position[entries] = pos;
        firstSequence[entries] = sequence;
        sequenceCount[entries] = count;
        output[entries] = out;
        entries++;
    }

    private int addPair(int row, int target) {
        if (pairs == pairRow.length) {
            pairRow = Arrays.copyOf(pairRow, pairs * 2);
            pairTarget = Arrays.copyOf(pairTarget, pairs * 2);
        }
        pairRow[pairs] = row;
        pairTarget[pairs] = target;
        return pairs++;
    }

    /** The item's result once all the group's pairs are scored: sums in position order, so packing cannot change them. */
    ItemResult result(int g) {
        TokenizedItem item = items.get(g);
        int k = item.choices();
        double[] logLikelihoods = new double[k];
        int[] counts = new int[k];
        boolean[] greedy = new boolean[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            boolean allGreedy = true;
            for (int q : pairOf[g][i]) {
                sum += pairLogProb[q];
                allGreedy &= pairGreedy[q];
            }
            logLikelihoods[i] = sum;
            counts[i] = pairOf[g][i].length;
            greedy[i] = allGreedy;
        }
        return new ItemResult(item.item(), item.index(), logLikelihoods, counts, greedy);
    }

    private static double[] ensure(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, a.length * 2)];
    }

    private static boolean[] ensure(boolean[] a, int n) {
        return a.length >= n ? a : new boolean[Math.max(n, a.length * 2)];
    }
}
