package dev.lmscore.bench.regress;

/** The outcome of comparing one benchmark with its baseline. */
public enum Verdict {
    /** Within the tolerance of the baseline. */
    OK("ok"),
    /** Better than the baseline by more than the tolerance (and more than the error). */
    FASTER("faster"),
    /** Worse by more than the tolerance, but the difference is within the scores' combined error: not a failure. */
    NOISE("slower, within error"),
    /** Worse by more than the tolerance and by more than the combined error: fails the check. */
    REGRESSION("REGRESSION"),
    /** Units that cannot be converted into each other (e.g. a throughput against a time): not a failure. */
    INCOMPARABLE("incomparable units");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
