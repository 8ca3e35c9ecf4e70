package dev.lmscore.engine.perplexity;

/**
 * One sequence to decode and the part of it to score, described by offsets into the token array so
 * no tokens are copied.
 *
 * <p>Position p of the sequence holds {@code tokens[sourceStart + p]}, except that with
 * {@code bosFirst} position 0 holds BOS instead (llama-perplexity overwrites a chunk's first token;
 * a rolling window starting at {@code sourceStart = -1} prefixes BOS to the text). The logits at
 * positions {@code scoreFrom <= p < scoreTo} are scored against {@code tokens[sourceStart + p + 1]}.
 *
 * @param index       the window's number, in text order
 * @param sourceStart index in the token array of position 0 (may be -1 with bosFirst)
 * @param length      positions decoded
 * @param bosFirst    position 0 holds BOS
 * @param scoreFrom   first scored position
 * @param scoreTo     end (exclusive) of the scored positions
 */
public record Window(int index, int sourceStart, int length, boolean bosFirst, int scoreFrom, int scoreTo) {
    public int scoredTokens() {
        return scoreTo - scoreFrom;
    }

    int inputToken(int[] tokens, int bos, int position) {
        return position == 0 && bosFirst ? bos : tokens[sourceStart + position];
    }

    int target(int[] tokens, int position) {
        return tokens[sourceStart + position + 1];
    }
}
