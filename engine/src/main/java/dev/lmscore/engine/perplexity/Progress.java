package dev.lmscore.engine.perplexity;

/** Told after each decode group how far a run has got. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, tokens) -> { };

    void update(long unitsDone, long unitsTotal, long tokensScored);
}
