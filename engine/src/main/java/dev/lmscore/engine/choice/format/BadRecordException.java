package dev.lmscore.engine.choice.format;

/**
 * A problem with one record, not yet placed in its file: the reading loop adds the file and line
 * (see {@link BadLines}) and either stops or skips, as the options ask.
 */
final class BadRecordException extends RuntimeException {

    BadRecordException(String problem) {
        super(problem);
    }
}
