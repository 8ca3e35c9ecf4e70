package dev.lmscore.engine.llama;

import dev.lmscore.llama.Llama;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Captures llama.cpp's log instead of letting it spray the terminal: the last lines are kept so an
 * error can quote llama.cpp's own reason, and {@link #echoTo(PrintStream)} shows everything (--debug).
 * It is called from native threads through an upcall, so it must never throw.
 */
public final class LlamaLog {
    private static final int KEPT_LINES = 200;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private int partialLevel;
    private String firstError;
    private volatile PrintStream echo;

    void accept(int level, MemorySegment text, MemorySegment userData) {
        try {
            String s = CStrings.read(text);
            synchronized (this) {
                if (level != Llama.GGML_LOG_LEVEL_CONT()) {
                    partialLevel = level;
                }
                partial.append(s);
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    String line = partial.substring(0, nl);
                    partial.delete(0, nl + 1);
                    keep(partialLevel, line);
                }
            }
        } catch (Throwable ignored) {
            // an exception escaping an upcall would crash the JVM; a lost log line is harmless
        }
    }

    private void keep(int level, String line) {
        if (lines.size() == KEPT_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        if (level == Llama.GGML_LOG_LEVEL_ERROR() && !line.isBlank() && firstError == null) {
            firstError = line.strip(); // the first error is the cause; later ones are its consequences
        }
        PrintStream out = echo;
        if (out != null) {
            out.println("llama.cpp: " + line);
        }
    }

    /** Prints every later llama.cpp log line to {@code out} (null: capture silently). */
    public void echoTo(PrintStream out) {
        echo = out;
    }

    /** The first error-level line llama.cpp logged since the last call, or null. */
    public synchronized String takeFirstError() {
        String e = firstError;
        firstError = null;
        return e;
    }

    public synchronized List<String> recentLines() {
        return List.copyOf(lines);
    }
}
