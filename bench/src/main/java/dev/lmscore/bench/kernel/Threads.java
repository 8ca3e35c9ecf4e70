package dev.lmscore.bench.kernel;

/** The {@code threads} benchmark parameter: a count, or {@code all} for every available processor. */
final class Threads {
    private Threads() {}

    static int parse(String value) {
        return value.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(value);
    }
}
