package dev.lmscore.engine.kld;

import java.util.Arrays;

/**
 * llama-perplexity's final KL-divergence statistics, with its formulas: a mean's uncertainty is
 * sqrt((mean(x²) − mean(x)²)/(N−1)) (0 for N ≤ 10); ln(PPL(Q)/PPL(base)) subtracts twice the
 * covariance of the two mean NLLs, because both are measured on the same tokens and are strongly
 * correlated; PPL values and ratios carry their uncertainty through d exp(x) = exp(x) dx.
 */
public record KldStatistics(long count,
                            Estimate logPpl, Estimate logPplBase, double logPplCovariance,
                            Estimate ppl, Estimate pplBase, double correlation,
                            Estimate logPplRatio, Estimate pplRatio, Estimate pplDifference,
                            Estimate kld, Distribution kldDistribution,
                            Estimate pDiff, Distribution pDiffDistribution, Estimate pDiffRms,
                            Estimate sameTop) {

    /** A value and its standard error. */
    public record Estimate(double value, double error) {}

    /** Maximum, percentiles and minimum, by llama.cpp's interpolation in float. */
    public record Distribution(double max, double p999, double p99, double p95, double p90, double p75, double median,
                               double p25, double p10, double p05, double p01, double p001, double min) {}

    public static KldStatistics of(TokenValues values) {
        int n = values.size();
        double sumNll = 0, sumNll2 = 0, sumBase = 0, sumBase2 = 0, sumNllBase = 0;
        double sumKld = 0, sumKld2 = 0, sumP = 0, sumP2 = 0, sumP4 = 0;
        long sameTop = 0;
        float[] kldSorted = new float[n];
        float[] pSorted = new float[n];
        for (int r = 0; r < n; r++) {
            float nll = values.nll(r);
            float base = values.nllBase(r);
            sumNll += nll;
            sumNll2 += nll * nll;     // float products, as llama.cpp accumulates them
            sumBase += base;
            sumBase2 += base * base;
            sumNllBase += nll * base;
            double kld = values.kld(r);
            sumKld += kld;
            sumKld2 += kld * kld;
            float p = values.pDiff(r);
            sumP += p;
            double p2 = p * p;
            sumP2 += p2;
            sumP4 += p2 * p2;
            if (values.sameTop(r)) sameTop++;
            kldSorted[r] = (float) kld;
            pSorted[r] = p;
        }
        Arrays.sort(kldSorted);
        Arrays.sort(pSorted);

        Estimate logPpl = meanAndError(sumNll, sumNll2, n);
        Estimate logPplBase = meanAndError(sumBase, sumBase2, n);
        double cov = covariance(sumNll, sumBase, sumNllBase, n);
        double pplValue = Math.exp(logPpl.value());
        double pplBaseValue = Math.exp(logPplBase.value());
        Estimate ppl = new Estimate(pplValue, pplValue * logPpl.error());
        Estimate pplBase = new Estimate(pplBaseValue, pplBaseValue * logPplBase.error());
        double correlation = cov / (logPpl.error() * logPplBase.error());
        double ratioLog = logPpl.value() - logPplBase.value();
        double ratioLogError = Math.sqrt(logPpl.error() * logPpl.error() + logPplBase.error() * logPplBase.error() - 2 * cov);
        Estimate logRatio = new Estimate(ratioLog, ratioLogError);
        Estimate ratio = new Estimate(Math.exp(ratioLog), Math.exp(ratioLog) * ratioLogError);
        double pplCov = pplValue * pplBaseValue * cov;
        Estimate difference = new Estimate(pplValue - pplBaseValue,
                Math.sqrt(ppl.error() * ppl.error() + pplBase.error() * pplBase.error() - 2 * pplCov));
        Estimate mse = meanAndError(sumP2, sumP4, n);
        double rms = Math.sqrt(mse.value());
        Estimate pRms = new Estimate(rms, 0.5 / rms * mse.error());
        double top = (double) sameTop / n;
        Estimate sameTopRate = new Estimate(top, Math.sqrt(top * (1 - top) / (n - 1)));
        return new KldStatistics(n, logPpl, logPplBase, cov, ppl, pplBase, correlation, logRatio, ratio, difference,
                meanAndError(sumKld, sumKld2, n), distribution(kldSorted), meanAndError(sumP, sumP2, n),
                distribution(pSorted), pRms, sameTopRate);
    }

    static Estimate meanAndError(double sum, double sum2, long count) {
        if (count < 1) return new Estimate(0, 0);
        double mean = sum / count;
        double variance = sum2 / count - mean * mean;
        return new Estimate(mean, variance > 0 && count > 10 ? Math.sqrt(variance / (count - 1)) : 0);
    }

    static double covariance(double sumA, double sumB, double sumAB, long count) {
        if (count < 10) return 0;
        return (sumAB / count - (sumA / count) * (sumB / count)) / (count - 1);
    }

    private static Distribution distribution(float[] sorted) {
        int n = sorted.length;
        if (n == 0) return new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        float median = n % 2 == 0 ? 0.5f * (sorted[n / 2] + sorted[n / 2 - 1]) : sorted[n / 2];
        return new Distribution(sorted[n - 1], percentile(sorted, 0.999f), percentile(sorted, 0.990f),
                percentile(sorted, 0.950f), percentile(sorted, 0.900f), percentile(sorted, 0.750f), median,
                percentile(sorted, 0.250f), percentile(sorted, 0.100f), percentile(sorted, 0.050f),
                percentile(sorted, 0.010f), percentile(sorted, 0.001f), sorted[0]);
    }

    /** llama.cpp's percentile: linear interpolation at fraction·(n−1), in float. */
    static float percentile(float[] sorted, float fraction) {
        if (fraction <= 0) return sorted[0];
        if (fraction >= 1) return sorted[sorted.length - 1];
        float p = fraction * (sorted.length - 1);
        int ip = (int) p;
        p -= ip;
        return (1 - p) * sorted[ip] + p * sorted[Math.min(ip + 1, sorted.length - 1)];
    }
}
