package dev.lmscore.engine.llama;

/**
 * The tokens of a text, or of its beginning.
 *
 * @param tokens    exactly the first tokens of one {@code llama_tokenize} call over the whole text
 * @param wholeText whether they are all of them (else tokenizing stopped once enough were in)
 * @param pieces    how many pieces the text was tokenized in (1: one call)
 */
public record TextTokens(int[] tokens, boolean wholeText, int pieces) {}
