package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.LoadReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bad-line policy of one read: turns a record's problem into a message naming file and line, then
 * either throws it (the default) or counts it and goes on.
 */
public final class BadLines {

    private final boolean skip;
    private int skipped;
    private final List<String> messages = new ArrayList<>();

    public BadLines(boolean skip) {
        this.skip = skip;
    }

    /**
     * Runs {@code reading}, which reads the record at {@code line} of {@code file}. A problem it reports
     * becomes {@code file:line: problem}: thrown, or counted with an empty result when skipping.
     */
    public <T> Optional<T> attempt(Path file, long line, Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (BadRecordException e) {
            return reject(ChoiceFormatException.at(file, line, e.getMessage()));
        } catch (IllegalArgumentException e) {
            // Model validation (ChoiceItem, Doc) reports with IllegalArgumentException.
            return reject(ChoiceFormatException.at(file, line, e.getMessage()));
        }
    }

    /** Records a problem already placed in its file: thrown, or counted when skipping. */
    public <T> Optional<T> reject(ChoiceFormatException problem) {
        if (!skip) {
            throw problem;
        }
        skipped++;
        if (messages.size() < LoadReport.MAX_MESSAGES) {
            messages.add(problem.getMessage());
        }
        return Optional.empty();
    }

    /** What has been skipped so far. */
    public LoadReport report() {
        return new LoadReport(skipped, messages);
    }
}
