package dev.lmscore.engine.compare;

/**
 * McNemar's test on paired correctness: only the discordant items count, b (A right, B wrong) and
 * c (A wrong, B right). With fewer than {@link #EXACT_BELOW} discordant items the exact binomial
 * test is used (two-sided: twice the smaller tail of Binomial(b+c, 1/2), capped at 1); otherwise
 * the chi-square statistic with continuity correction (|b−c|−1)²/(b+c), one degree of freedom.
 */
public record McNemar(long b, long c, long items, Method method, double statistic, double pValue) {
    public static final int EXACT_BELOW = 25;

    public enum Method { EXACT_BINOMIAL, CHI_SQUARE_CONTINUITY_CORRECTED }

    public static McNemar test(long b, long c, long items) {
        long n = b + c;
        if (n == 0) {
            return new McNemar(b, c, items, Method.EXACT_BINOMIAL, 0, 1);
        }
        if (n < EXACT_BELOW) {
            double tail = 0;
            long k = Math.min(b, c);
            for (long i = 0; i <= k; i++) {
                tail += Math.exp(logChoose(n, i) - n * Math.log(2));
            }
            return new McNemar(b, c, items, Method.EXACT_BINOMIAL, k, Math.min(1, 2 * tail));
        }
        double chi2 = Math.pow(Math.max(0, Math.abs(b - c) - 1), 2) / n;
        // chi-square with 1 df is Z²: its upper tail is the two-sided normal p of sqrt(chi2)
        return new McNemar(b, c, items, Method.CHI_SQUARE_CONTINUITY_CORRECTED, chi2, Normal.twoSidedP(Math.sqrt(chi2)));
    }

    /**
     * Smallest accuracy difference detectable at α with the given power when the discordant rate is
     * as observed: (z_{1−α/2} + z_power)·sqrt(((b+c)/n)/n), the normal approximation whose standard
     * error of the difference under no effect is sqrt(p_discordant/n).
     */
    public double minimumDetectableDifference(double alpha, double power) {
        double discordant = (double) (b + c) / items;
        return Normal.detectableEffectFactor(alpha, power) * Math.sqrt(discordant / items);
    }

    private static double logChoose(long n, long k) {
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
