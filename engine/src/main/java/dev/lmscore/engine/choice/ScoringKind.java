package dev.lmscore.engine.choice;

/** How the per-choice log-likelihoods of an item decide its score. */
public enum ScoringKind {
    /** One context, several continuations: the most likely continuation is the answer. */
    MULTIPLE_CHOICE,
    /** Winogrande: the contexts differ (one per option), the continuation is shared. */
    PARTIAL,
    /** LAMBADA: one continuation, counted correct when it is the greedy (argmax) completion. */
    GREEDY,
    /** TruthfulQA mc2: the normalized probability mass of all true answers. */
    MC2
}
