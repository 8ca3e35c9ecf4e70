package dev.lmscore.engine.choice;

import java.nio.file.Path;

/**
 * Input that cannot be read as a benchmark. The message is one line and names the file, and the line
 * (or record) where that applies: {@code data/arc.jsonl:12: missing field 'answerKey'}.
 */
public class ChoiceFormatException extends RuntimeException {

    public ChoiceFormatException(String message) {
        super(oneLine(message));
    }

    public ChoiceFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** A problem at a line of a file: {@code file:line: problem}. */
    public static ChoiceFormatException at(Path file, long line, String problem) {
        return new ChoiceFormatException(file + ":" + line + ": " + problem);
    }

    /** A problem with a file as a whole: {@code file: problem}. */
    public static ChoiceFormatException in(Path file, String problem) {
        return new ChoiceFormatException(file + ": " + problem);
    }

    /** Messages end up in logs and reports one per line; a multi-line message would be misread. */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
