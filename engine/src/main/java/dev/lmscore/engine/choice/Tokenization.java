package dev.lmscore.engine.choice;

/** How a choice's text becomes tokens, and which of those tokens are scored. */
public enum Tokenization {
    /**
     * lm-evaluation-harness: trailing whitespace of the context moves to the continuation; the
     * sequence is BOS + tokenize(context + continuation); the scored tokens are those after the
     * first {@code len(tokenize(context))}, even where the tokenizer merges across the boundary.
     */
    LM_EVAL,
    /**
     * llama-perplexity {@code --hellaswag}: each choice is tokenized whole with the vocabulary's
     * special tokens, and the scored tokens are those after the common prefix of all the item's
     * sequences (which need not end where the context does).
     */
    LLAMA_CPP;

    /** Tasks named {@code *-llamacpp} reproduce llama-perplexity; every other task follows the harness. */
    public static Tokenization forTask(String taskName) {
        return taskName.endsWith("-llamacpp") ? LLAMA_CPP : LM_EVAL;
    }
}
