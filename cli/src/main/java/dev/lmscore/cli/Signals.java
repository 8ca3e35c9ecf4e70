package dev.lmscore.cli;

import dev.lmscore.engine.llama.Interruption;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM ask the run to stop: llama.cpp's abort callback ends the decode in flight
 * within moments, the command reports what was computed and exits with code 130. A second signal
 * ends the process at once.
 */
final class Signals {
    private Signals() {}

    static void stopGracefullyOnInterrupt() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (Interruption.requested()) {
                        Runtime.getRuntime().halt(130);
                    }
                    Interruption.request();
                });
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or reserved by the JVM): keep the default
            }
        }
    }
}
