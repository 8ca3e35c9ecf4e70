package dev.lmscore.engine.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProportionTest {

    @Test
    void meanAndStandardErrorAsLmEvalComputesThem() {
        var p = new Proportion(3, 4);
        assertEquals(0.75, p.mean(), 0);
        // sqrt(p(1-p)/(n-1)) = sqrt(0.1875/3) = 0.25
        assertEquals(0.25, p.standardError(), 1e-15);
        // equals the sample standard deviation of 1,1,1,0 over sqrt(n)
        assertEquals(SampleMean.of(new double[] {1, 1, 1, 0}).standardError(), p.standardError(), 1e-15);
    }

    /** Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no continuity correction). */
    @Test
    void wilsonIntervalMatchesNewcombesTable() {
        assertInterval(new Proportion(81, 263).wilson95(), 0.2553, 0.3662);
        assertInterval(new Proportion(15, 148).wilson95(), 0.0624, 0.1605);
        assertInterval(new Proportion(0, 20).wilson95(), 0.0000, 0.1611);
        assertInterval(new Proportion(1, 29).wilson95(), 0.0061, 0.1718);
    }

    @Test
    void wilsonIntervalStaysInsideZeroOne() {
        Interval all = new Proportion(10, 10).wilson95();
        assertEquals(1.0, all.high(), 0);
        assertTrue(all.low() > 0.69 && all.low() < 0.73, "10/10 lower bound about 0.722, got " + all.low());
    }

    @Test
    void degenerateCounts() {
        assertTrue(Double.isNaN(new Proportion(0, 0).mean()));
        assertTrue(Double.isNaN(new Proportion(1, 1).standardError()));
        assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
    }

    @Test
    void sampleMeanUsesTheSampleStandardDeviation() {
        SampleMean m = SampleMean.of(new double[] {0.2, 0.4, 0.9});
        assertEquals(0.5, m.mean(), 1e-15);
        double sd = Math.sqrt(((0.3 * 0.3) + (0.1 * 0.1) + (0.4 * 0.4)) / 2);
        assertEquals(sd / Math.sqrt(3), m.standardError(), 1e-15);
        assertEquals(0.5 - Proportion.Z_95 * m.standardError(), m.normal95().low(), 1e-15);
    }

    private static void assertInterval(Interval actual, double low, double high) {
        assertEquals(low, actual.low(), 0.00005, "low of " + actual);
        assertEquals(high, actual.high(), 0.00005, "high of " + actual);
    }
}
