package dev.lmscore.bench.jmh;

import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * One entry of JMH's JSON result: a benchmark method run in one mode with one set of parameters.
 *
 * @param benchmark fully qualified method, e.g. {@code dev.lmscore.bench.kernel.KernelBench.logProbs}
 * @param mode      {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params    parameter values by name, sorted by name
 * @param primary   the benchmark's score
 * @param secondary secondary metrics by name (aux counters, profilers)
 */
public record JmhResult(String benchmark, String mode, SortedMap<String, String> params, Metric primary,
                        Map<String, Metric> secondary) {

    /** The benchmark's class and method, without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** Parameters as {@code name=value,...} in name order; empty when there are none. */
    public String paramText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** What identifies the same measurement in two runs: benchmark, mode and parameters. */
    public String key() {
        return benchmark + " [" + mode + "] " + paramText();
    }

    public String param(String name, String otherwise) {
        return params.getOrDefault(name, otherwise);
    }
}
