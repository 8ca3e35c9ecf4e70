package dev.lmscore.engine;

/** Process exit codes, documented in the README; each failure class has its own. */
public enum ExitCode {
    OK(0),
    /** An unexpected internal failure (a bug): the only case that prints a stack trace with --debug. */
    INTERNAL(1),
    /** Bad command-line usage or an option out of range. */
    USAGE(2),
    /** An input file is missing, unreadable, in the wrong format, or its content cannot be used. */
    BAD_INPUT(3),
    /** The model file cannot be loaded by llama.cpp (or would make llama.cpp abort). */
    MODEL_LOAD(4),
    /** The llama.cpp native libraries cannot be found or loaded. */
    NATIVE_LIBRARY(5),
    /** An output file cannot be written. */
    OUTPUT(6),
    /** The run was interrupted (Ctrl-C / SIGTERM); what was computed so far has been saved. */
    INTERRUPTED(130);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
