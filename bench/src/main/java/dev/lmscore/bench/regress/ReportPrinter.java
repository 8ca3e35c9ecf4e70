package dev.lmscore.bench.regress;

import dev.lmscore.bench.jmh.JmhResult;
import dev.lmscore.bench.jmh.Metric;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a {@link RegressionRule.Report} as an aligned text table, then the unmatched benchmarks and a summary line. */
final class ReportPrinter {
    private static final String[] HEADER = {"benchmark", "mode", "params", "baseline", "current", "change", "verdict"};

    private ReportPrinter() {}

    static void print(RegressionRule.Report report, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Comparison c : report.comparisons()) {
            rows.add(new String[] {c.baseline().shortName(), c.baseline().mode(), c.baseline().paramText(),
                    score(c.baseline().primary()), score(c.current().primary()),
                    Double.isNaN(c.change()) ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * c.change()),
                    c.verdict().label()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 3 && i <= 5;
                String cell = numeric ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(line.toString().stripTrailing());
        }
        list(out, "missing in the current run (not a failure)", report.missing());
        list(out, "new in the current run (no baseline)", report.added());
        out.printf(Locale.ROOT, "%n%d compared, %d regression(s) beyond %.0f%% and the error; %d missing, %d new: %s%n",
                report.comparisons().size(), report.regressions(), 100 * report.tolerance(), report.missing().size(),
                report.added().size(), report.passed() ? "PASS" : "FAIL");
    }

    private static void list(PrintStream out, String title, List<JmhResult> results) {
        if (results.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (JmhResult r : results) {
            out.println("  " + r.shortName() + " [" + r.mode() + "] " + r.paramText());
        }
    }

    private static String score(Metric m) {
        return Double.isFinite(m.error())
                ? String.format(Locale.ROOT, "%.4g ± %.2g %s", m.score(), m.error(), m.unit())
                : String.format(Locale.ROOT, "%.4g %s", m.score(), m.unit());
    }
}
