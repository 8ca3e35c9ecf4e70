package dev.lmscore.engine.llama;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;

/** A run stopped because the user asked it to; results computed so far have been kept. */
public final class InterruptedRunException extends LmscoreException {
    public InterruptedRunException() {
        super(ExitCode.INTERRUPTED, "interrupted");
    }
}
