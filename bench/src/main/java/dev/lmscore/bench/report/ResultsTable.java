package dev.lmscore.bench.report;

import dev.lmscore.bench.jmh.JmhJson;
import dev.lmscore.bench.jmh.JmhResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a JMH JSON result of the kernel and decode benchmarks as Markdown tables.
 *
 * <p>Kernel table, one line per kernel result that counted {@code logits}: logits per second, GB/s
 * (logits/s × 4 bytes, float32 logits, 10^9 bytes), the rate as a percentage of
 * {@code BandwidthBench.sequentialRead} over the same buffer (same vocab, rows and threads: the
 * machine's limit for reading it once) and the speed-up over {@code KernelBench} NAIVE on the same
 * buffer (single-threaded). Share table ({@code KernelShareBench}): the read's and the kernel's
 * rates from the passes each timed within the same invocations, and the kernel's as a percentage of
 * the read's. Decode table: batches, decoded and scored tokens per second, and the kernel's share of
 * the time (from {@code decodeAndScore} against {@code decodeOnly}).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.lmscore.bench.report.ResultsTable RESULT.json</pre>
 */
public final class ResultsTable {
    private static final String LOGITS = "logits";
    private static final String BANDWIDTH = "BandwidthBench.sequentialRead";
    private static final String KERNEL = "KernelBench.logProbs";
    private static final String READ_NANOS = "readNanos";
    private static final String KERNEL_NANOS = "kernelNanos";
    private static final String PASS_LOGITS = "passLogits";

    /** Results over the same buffer (vocab, rows, threads) next to each other. */
    private static final Comparator<JmhResult> BY_BUFFER =
            Comparator.comparingInt((JmhResult r) -> Integer.parseInt(r.param("vocab", "0")))
                    .thenComparingInt(r -> Integer.parseInt(r.param("rows", "0")))
                    .thenComparing(ResultsTable::threads);

    private final List<JmhResult> results;

    public ResultsTable(List<JmhResult> results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsTable JMH-RESULT.json");
            System.exit(2);
        }
        new ResultsTable(JmhJson.read(Path.of(args[0]))).print(System.out);
    }

    public void print(PrintStream out) {
        boolean printed = printKernels(out);
        printed = printShares(out, printed) || printed;
        printDecodes(out, printed);
    }

    private boolean printKernels(PrintStream out) {
        List<JmhResult> kernels = results.stream().filter(r -> r.secondary().containsKey(LOGITS))
                .sorted(BY_BUFFER.thenComparing(r -> r.shortName().equals(BANDWIDTH) ? 0 : 1)
                        .thenComparing(JmhResult::shortName)
                        .thenComparing(ResultsTable::kernelName))
                .toList();
        if (kernels.isEmpty()) {
            return false;
        }
        out.println("| vocab | rows | threads | benchmark | kernel | logits/s | GB/s | % of seq. read | × naive |");
        out.println("|---:|---:|---|---|---|---:|---:|---:|---:|");
        for (JmhResult r : kernels) {
            double rate = r.secondary().get(LOGITS).score();
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f | %s | %s |%n",
                    r.param("vocab", "?"), r.param("rows", "?"), threads(r), r.shortName(), kernelName(r),
                    giga(rate), rate * Float.BYTES / 1e9,
                    percent(rate, bandwidth(r)), times(rate, naive(r)));
        }
        return true;
    }

    private boolean printShares(PrintStream out, boolean separate) {
        List<JmhResult> shares = results.stream().filter(r -> r.secondary().containsKey(READ_NANOS)).sorted(BY_BUFFER).toList();
        if (shares.isEmpty()) {
            return false;
        }
        if (separate) {
            out.println();
        }
        out.println("| vocab | rows | threads | read logits/s | kernel logits/s | kernel % of read, same invocations |");
        out.println("|---:|---:|---|---:|---:|---:|");
        for (JmhResult r : shares) {
            double logits = r.secondary().get(PASS_LOGITS).score();
            double readNanos = r.secondary().get(READ_NANOS).score();
            double kernelNanos = r.secondary().get(KERNEL_NANOS).score();
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f%% |%n", r.param("vocab", "?"), r.param("rows", "?"),
                    threads(r), giga(logits / readNanos * 1e9), giga(logits / kernelNanos * 1e9), 100 * readNanos / kernelNanos);
        }
        return true;
    }

    private void printDecodes(PrintStream out, boolean separate) {
        List<JmhResult> decodes = results.stream().filter(r -> r.secondary().containsKey("scoredTokens")).toList();
        if (decodes.isEmpty()) {
            return;
        }
        if (separate) {
            out.println();
        }
        out.println("| model | benchmark | batches/s | decoded tokens/s | scored tokens/s | kernel share of time |");
        out.println("|---|---|---:|---:|---:|---:|");
        for (JmhResult r : decodes) {
            out.printf(Locale.ROOT, "| %s | %s | %.2f ± %.2f | %.0f | %.0f | %s |%n", r.param("model", "?"),
                    r.shortName(), r.primary().score(), r.primary().errorOrZero(),
                    r.secondary().get("decodedTokens").score(), r.secondary().get("scoredTokens").score(),
                    r.shortName().endsWith("decodeAndScore") ? kernelShare(r) : "");
        }
    }

    private static String threads(JmhResult r) {
        return r.param("threads", "1");
    }

    private static String kernelName(JmhResult r) {
        return r.param("variant", r.param("split", r.shortName().equals(BANDWIDTH) ? "sequential read" : ""));
    }

    /** The sequential-read rate over the same buffer with the same threads. */
    private Optional<Double> bandwidth(JmhResult r) {
        return find(BANDWIDTH, r, threads(r), null);
    }

    /** The naive kernel's rate over the same buffer (it runs single-threaded). */
    private Optional<Double> naive(JmhResult r) {
        return find(KERNEL, r, "1", "NAIVE");
    }

    private Optional<Double> find(String name, JmhResult like, String threads, String variant) {
        return results.stream()
                .filter(o -> o.shortName().equals(name) && o.secondary().containsKey(LOGITS))
                .filter(o -> o.param("vocab", "").equals(like.param("vocab", "?"))
                        && o.param("rows", "").equals(like.param("rows", "?"))
                        && threads(o).equals(threads)
                        && (variant == null || o.param("variant", "").equals(variant)))
                .map(o -> o.secondary().get(LOGITS).score())
                .findFirst();
    }

    private String kernelShare(JmhResult withKernel) {
        return results.stream()
                .filter(o -> o.shortName().endsWith("decodeOnly") && o.params().equals(withKernel.params()))
                .findFirst()
                .map(o -> {
                    double total = 1 / withKernel.primary().score();
                    double decode = 1 / o.primary().score();
                    return String.format(Locale.ROOT, "%.0f%%", 100 * (total - decode) / total);
                })
                .orElse("");
    }

    private static String giga(double perSecond) {
        return String.format(Locale.ROOT, "%.3f G", perSecond / 1e9);
    }

    private static String percent(double rate, Optional<Double> reference) {
        return reference.map(ref -> String.format(Locale.ROOT, "%.0f%%", 100 * rate / ref)).orElse("–");
    }

    private static String times(double rate, Optional<Double> reference) {
        return reference.map(ref -> String.format(Locale.ROOT, "%.1f×", rate / ref)).orElse("–");
    }
}
