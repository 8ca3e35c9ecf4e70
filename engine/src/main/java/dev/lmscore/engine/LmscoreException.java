package dev.lmscore.engine;

/**
 * A failure the user can act on: its message is a single line naming the file or option and what
 * is wrong, and it carries the process exit code. Anything else reaching the CLI is a bug.
 */
public class LmscoreException extends RuntimeException {
    private final ExitCode exitCode;

    public LmscoreException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public LmscoreException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static LmscoreException badInput(String message) {
        return new LmscoreException(ExitCode.BAD_INPUT, message);
    }

    public static LmscoreException usage(String message) {
        return new LmscoreException(ExitCode.USAGE, message);
    }
}
