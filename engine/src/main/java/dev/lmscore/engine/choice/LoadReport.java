package dev.lmscore.engine.choice;

import java.util.List;

/**
 * What reading a file left out: the number of bad lines (or records) skipped, and the first few
 * messages, each naming the file and line. Empty unless {@link LoadOptions#skipBadLines()} was set.
 */
public record LoadReport(int skipped, List<String> firstMessages) {

    /** How many messages are kept; the count goes on past it. */
    public static final int MAX_MESSAGES = 10;

    public LoadReport {
        firstMessages = List.copyOf(firstMessages);
    }

    /** Nothing skipped. */
    public static LoadReport clean() {
        return new LoadReport(0, List.of());
    }

    /** The two reports together, e.g. a file and its few-shot file. */
    public LoadReport plus(LoadReport other) {
        if (other.skipped == 0) {
            return this;
        }
        var messages = new java.util.ArrayList<>(firstMessages);
        for (String m : other.firstMessages) {
            if (messages.size() < MAX_MESSAGES) {
                messages.add(m);
            }
        }
        return new LoadReport(skipped + other.skipped, messages);
    }
}
