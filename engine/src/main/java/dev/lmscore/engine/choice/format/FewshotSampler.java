package dev.lmscore.engine.choice.format;

/** How few-shot examples are picked from their pool. */
public enum FewshotSampler {
    /**
     * The first k of a separate example split, in order: MMLU's convention (lm-evaluation-harness
     * {@code first_n}). When examples come from the evaluated items themselves, picks are random.
     */
    FIRST_N,
    /** k drawn at random, seeded per item so that each prompt can be rebuilt on its own. */
    RANDOM
}
