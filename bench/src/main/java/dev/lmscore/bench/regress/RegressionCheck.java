package dev.lmscore.bench.regress;

import dev.lmscore.bench.jmh.JmhJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Compares a fresh JMH JSON result with a committed baseline and fails when a benchmark got worse.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.lmscore.bench.regress.RegressionCheck \
 *     [--baseline bench/baseline/jmh-baseline.json] [--tolerance 0.10] CURRENT.json
 * </pre>
 *
 * Exit status: 0 when no benchmark regressed (see {@link RegressionRule}), 1 when one did, 2 for
 * bad usage or an unreadable file.
 */
public final class RegressionCheck {
    static final String DEFAULT_BASELINE = "bench/baseline/jmh-baseline.json";
    static final double DEFAULT_TOLERANCE = 0.10;

    private RegressionCheck() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path baseline = Path.of(DEFAULT_BASELINE);
        double tolerance = DEFAULT_TOLERANCE;
        Path current = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--baseline" -> baseline = Path.of(value(args, ++i, "--baseline"));
                    case "--tolerance" -> tolerance = Double.parseDouble(value(args, ++i, "--tolerance"));
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("-") || current != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        current = Path.of(args[i]);
                    }
                }
            }
            if (current == null) {
                throw new IllegalArgumentException("no current result given");
            }
            RegressionRule rule = new RegressionRule(tolerance);
            RegressionRule.Report report = rule.compare(JmhJson.read(baseline), JmhJson.read(current));
            out.println("baseline " + baseline + ", current " + current);
            ReportPrinter.print(report, out);
            return report.passed() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("regression check: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException e) {
            err.println("regression check: " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String usage() {
        return "usage: RegressionCheck [--baseline FILE (default " + DEFAULT_BASELINE + ")] "
                + "[--tolerance FRACTION (default " + DEFAULT_TOLERANCE + ")] CURRENT.json";
    }
}
