package dev.lmscore.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** McNemar's test against textbook values, and the paired bootstrap's coverage on synthetic data. */
class PairedStatisticsTest {

    @Test
    void mcNemarChiSquareWithContinuityCorrection() {
        // (|25 − 15| − 1)² / 40 = 2.025, p = 0.1547
        McNemar t = McNemar.test(25, 15, 200);
        assertEquals(McNemar.Method.CHI_SQUARE_CONTINUITY_CORRECTED, t.method());
        assertEquals(2.025, t.statistic(), 1e-12);
        assertEquals(0.15472, t.pValue(), 1e-4);
    }

    @Test
    void mcNemarExactBinomialForFewDiscordantItems() {
        // b = 1, c = 9: 2·P(X ≤ 1), X ~ Binomial(10, 1/2) = 2·11/1024
        McNemar t = McNemar.test(1, 9, 50);
        assertEquals(McNemar.Method.EXACT_BINOMIAL, t.method());
        assertEquals(22.0 / 1024, t.pValue(), 1e-12);
        assertEquals(1.0, McNemar.test(5, 5, 50).pValue(), 1e-12, "capped at 1");
        assertEquals(1.0, McNemar.test(0, 0, 50).pValue());
    }

    @Test
    void verdictFlipsWhereItShould() {
        McNemar significant = McNemar.test(30, 15, 500);   // chi² = 196/45 = 4.356, p = 0.0369
        McNemar notSignificant = McNemar.test(28, 17, 500); // chi² = 100/45 = 2.222, p = 0.136
        assertEquals(0.0369, significant.pValue(), 5e-4);
        assertTrue(significant.pValue() < 0.05);
        assertFalse(notSignificant.pValue() < 0.05);
        assertEquals(0.136, notSignificant.pValue(), 1e-3);
    }

    @Test
    void minimumDetectableEffects() {
        assertEquals(2.8016, Normal.detectableEffectFactor(0.05, 0.8), 1e-4);
        assertEquals(1.959964, Normal.quantile(0.975), 1e-6);
        // discordant rate 0.1 over 1000 items: 2.8016·sqrt(0.1/1000)
        assertEquals(2.8016 * 0.01, McNemar.test(60, 40, 1000).minimumDetectableDifference(0.05, 0.8), 1e-5);
    }

    @Test
    void bootstrapIntervalCoversTheTrueDifference() {
        double truth = 0.05;
        int covered = 0;
        int experiments = 40;
        SplittableRandom random = new SplittableRandom(42);
        for (int e = 0; e < experiments; e++) {
            int n = 300;
            double[] a = new double[n];
            double[] b = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = 63;
                double difficulty = 63 * (3 + random.nextGaussian());  // shared by both runs: cancels in pairs
                b[i] = difficulty + random.nextGaussian() * 2;
                a[i] = difficulty + 63 * truth + random.nextGaussian() * 2;
            }
            PairedBootstrap.Result r = new PairedBootstrap(a, b, w).run(2000, 0.05, e);
            if (r.low() <= truth && truth <= r.high()) covered++;
            assertTrue(r.excludesZero(), "a difference of 25 standard errors is found");
        }
        assertTrue(covered >= 34, "95% intervals covered the truth " + covered + " of " + experiments + " times");
    }

    @Test
    void bootstrapOfIdenticalRunsContainsZero() {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = new double[500];
        double[] b = new double[500];
        double[] w = new double[500];
        for (int i = 0; i < 500; i++) {
            w[i] = 1;
            a[i] = random.nextBoolean() ? 1 : 0;
            b[i] = random.nextDouble() < 0.9 ? a[i] : 1 - a[i];
        }
        PairedBootstrap p = new PairedBootstrap(a, b, w);
        PairedBootstrap.Result r = p.run(5000, 0.05, 1);
        assertTrue(r.low() < 0 && r.high() > 0, r.toString());
        assertEquals(r.standardError(), p.standardError(), 0.15 * p.standardError(), "bootstrap SE ≈ analytic SE");
    }
}
