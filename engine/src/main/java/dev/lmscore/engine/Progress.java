package dev.lmscore.engine;

/** Told after each decode group how far a run has got (chunks of a text, items of a task). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, tokens) -> { };

    void update(long unitsDone, long unitsTotal, long tokensDecoded);
}
