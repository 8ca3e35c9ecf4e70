package dev.lmscore.cli;

import dev.lmscore.engine.Progress;
import java.io.PrintStream;

/**
 * Progress on stderr: a line redrawn in place on a terminal, a plain line every few seconds when
 * stderr is a file or pipe (CI logs), nothing with --quiet. Shows the rate and the time left.
 */
final class ProgressReporter implements Progress {
    private static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    private final PrintStream err;
    private final String label;
    private final String unit;
    private final boolean terminal;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean drewLine;

    ProgressReporter(String label, String unit, boolean quiet) {
        this.err = System.err;
        this.label = label;
        this.unit = unit;
        this.quiet = quiet;
        this.terminal = stderrIsTerminal();
    }

    @Override
    public void update(long done, long total, long tokens) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : seconds * (total - done) / done;
        double rate = Math.max(seconds, 1e-9);
        String line = String.format("%s: %d/%d %s (%.0f%%), %.1f %s/s, %.0f tok/s, %s %s", label, done, total, unit,
                100.0 * done / total, done / rate, unit, tokens / rate, finished ? "took" : "ETA",
                duration(finished ? seconds : eta));
        if (terminal) {
            err.print("\r\033[2K" + bar(done, total) + " " + line);
            drewLine = true;
            if (finished) {
                err.println();
                drewLine = false;
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends a redrawn line so that a following message starts on its own line. */
    void finish() {
        if (drewLine) {
            err.println();
            drewLine = false;
        }
    }

    /**
     * Java cannot ask whether stderr (rather than stdin/stdout) is a terminal; the launchers can,
     * and pass {@code -Dlmscore.stderr.tty=true|false}. Without it, the console is the best guess.
     */
    private static boolean stderrIsTerminal() {
        String fromLauncher = System.getProperty("lmscore.stderr.tty");
        if (fromLauncher != null) {
            return Boolean.parseBoolean(fromLauncher);
        }
        return System.console() != null && System.console().isTerminal();
    }

    static String bar(long done, long total) {
        int width = 24;
        int filled = total <= 0 ? 0 : (int) Math.min(width, width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format("%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
