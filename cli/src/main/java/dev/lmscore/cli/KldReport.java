package dev.lmscore.cli;

import dev.lmscore.engine.kld.KldResult;
import dev.lmscore.engine.kld.KldStatistics;
import dev.lmscore.engine.kld.KldStatistics.Distribution;
import dev.lmscore.engine.kld.KldStatistics.Estimate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A KL-divergence result as llama-perplexity's summary (same labels and digits) and as JSON. */
final class KldReport {
    private KldReport() {}

    static String toText(KldResult r) {
        KldStatistics s = r.statistics();
        StringBuilder b = new StringBuilder();
        b.append(String.format("chunks %d of %d, n_ctx %d, %d scored tokens, %.1f s%s%n%n", r.chunks(), r.plannedChunks(),
                r.contextSize(), s.count(), r.seconds(), r.interrupted() ? " (interrupted)" : ""));
        b.append("====== Perplexity statistics ======\n");
        line(b, "Mean PPL(Q)                   : %10.6f ± %10.6f%n", s.ppl());
        line(b, "Mean PPL(base)                : %10.6f ± %10.6f%n", s.pplBase());
        b.append(String.format("Cor(ln(PPL(Q)), ln(PPL(base))): %6.2f%%%n", 100 * s.correlation()));
        line(b, "Mean ln(PPL(Q)/PPL(base))     : %10.6f ± %10.6f%n", s.logPplRatio());
        line(b, "Mean PPL(Q)/PPL(base)         : %10.6f ± %10.6f%n", s.pplRatio());
        line(b, "Mean PPL(Q)-PPL(base)         : %10.6f ± %10.6f%n", s.pplDifference());
        b.append("\n====== KL divergence statistics ======\n");
        line(b, "Mean    KLD: %10.6f ± %10.6f%n", s.kld());
        Distribution k = s.kldDistribution();
        String f = "%10.6f";
        b.append(String.format("Maximum KLD: " + f + "%n99.9%%   KLD: " + f + "%n99.0%%   KLD: " + f + "%n95.0%%   KLD: " + f
                        + "%n90.0%%   KLD: " + f + "%nMedian  KLD: " + f + "%n10.0%%   KLD: " + f + "%n 5.0%%   KLD: " + f
                        + "%n 1.0%%   KLD: " + f + "%n 0.1%%   KLD: " + f + "%nMinimum KLD: " + f + "%n",
                k.max(), k.p999(), k.p99(), k.p95(), k.p90(), k.median(), k.p10(), k.p05(), k.p01(), k.p001(), k.min()));
        b.append("\n====== Token probability statistics ======\n");
        b.append(String.format("Mean    Δp: %6.3f ± %5.3f %%%n", 100 * s.pDiff().value(), 100 * s.pDiff().error()));
        Distribution p = s.pDiffDistribution();
        String g = "%6.3f%%";
        b.append(String.format("Maximum Δp: " + g + "%n99.9%%   Δp: " + g + "%n99.0%%   Δp: " + g + "%n95.0%%   Δp: " + g
                        + "%n90.0%%   Δp: " + g + "%n75.0%%   Δp: " + g + "%nMedian  Δp: " + g + "%n25.0%%   Δp: " + g
                        + "%n10.0%%   Δp: " + g + "%n 5.0%%   Δp: " + g + "%n 1.0%%   Δp: " + g + "%n 0.1%%   Δp: " + g
                        + "%nMinimum Δp: " + g + "%n",
                100 * p.max(), 100 * p.p999(), 100 * p.p99(), 100 * p.p95(), 100 * p.p90(), 100 * p.p75(), 100 * p.median(),
                100 * p.p25(), 100 * p.p10(), 100 * p.p05(), 100 * p.p01(), 100 * p.p001(), 100 * p.min()));
        b.append(String.format("RMS Δp    : %6.3f ± %5.3f %%%n", 100 * s.pDiffRms().value(), 100 * s.pDiffRms().error()));
        b.append(String.format("Same top p: %6.3f ± %5.3f %%%n", 100 * s.sameTop().value(), 100 * s.sameTop().error()));
        return b.toString();
    }

    private static void line(StringBuilder b, String format, Estimate e) {
        b.append(String.format(format, e.value(), e.error()));
    }

    static Map<String, Object> toMap(KldResult r) {
        KldStatistics s = r.statistics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("context_size", r.contextSize());
        m.put("chunks", r.chunks());
        m.put("planned_chunks", r.plannedChunks());
        m.put("interrupted", r.interrupted());
        m.put("scored_tokens", s.count());
        m.put("ppl", estimate(s.ppl()));
        m.put("ppl_base", estimate(s.pplBase()));
        m.put("ln_ppl_correlation", s.correlation());
        m.put("ln_ppl_ratio", estimate(s.logPplRatio()));
        m.put("ppl_ratio", estimate(s.pplRatio()));
        m.put("ppl_difference", estimate(s.pplDifference()));
        m.put("kld", estimate(s.kld()));
        m.put("kld_distribution", distribution(s.kldDistribution()));
        m.put("delta_p", estimate(s.pDiff()));
        m.put("delta_p_distribution", distribution(s.pDiffDistribution()));
        m.put("delta_p_rms", estimate(s.pDiffRms()));
        m.put("same_top", estimate(s.sameTop()));
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.value());
        m.put("error", e.error());
        return m;
    }

    private static Map<String, Object> distribution(Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max", d.max());
        m.put("p99.9", d.p999());
        m.put("p99", d.p99());
        m.put("p95", d.p95());
        m.put("p90", d.p90());
        m.put("p75", d.p75());
        m.put("median", d.median());
        m.put("p25", d.p25());
        m.put("p10", d.p10());
        m.put("p5", d.p05());
        m.put("p1", d.p01());
        m.put("p0.1", d.p001());
        m.put("min", d.min());
        return m;
    }
}
