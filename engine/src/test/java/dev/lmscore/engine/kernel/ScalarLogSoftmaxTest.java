package dev.lmscore.engine.kernel;

import static dev.lmscore.engine.kernel.LogSoftmaxTest.referenceLogProb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scalar kernel for short rows agrees with a double-precision reference, and with the vector kernel, to 1e-6 relative. */
class ScalarLogSoftmaxTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 512, 1000, ScalarLogSoftmax.MAX_VOCAB})
    void logProbMatchesDoubleReferenceAndTheVectorKernel(int vocab) {
        SplittableRandom random = new SplittableRandom(vocab);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) {
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (random.nextGaussian() * 4 + (i % 3)));
            }
            for (int target : new int[] {0, vocab / 2, vocab - 1}) {
                double reference = referenceLogProb(logits, 0, vocab, target);
                double got = scalarLogProb(logits, vocab, target);
                // the kernels' bound: 1e-6 relative, 1e-6 absolute for log-probabilities near 0
                double tolerance = Math.max(1, Math.abs(reference)) * 1e-6;
                assertEquals(reference, got, tolerance, "target " + target);
                assertEquals(LogSoftmax.logProb(logits, 0, vocab, target), got, tolerance);
            }
        }
    }

    /** The scalar exponential is the vector kernel's, bit for bit, over its whole range. */
    @Test
    void scalarExp2IsTheVectorKernelsLaneByLane() {
        for (float y = Exp2.MIN_EXPONENT; y <= 0; y += 0.0371f) {
            var lanes = jdk.incubator.vector.FloatVector.broadcast(LogSoftmax.SPECIES, y);
            assertEquals(LogSoftmax.exp2(lanes).lane(0), Exp2.exp2(y), "y = " + y);
        }
    }

    /** Every fraction of an octave below the max: the polynomial is checked over its whole range [-1/2, 1/2]. */
    @Test
    void termsAreAccurateAcrossTheOctave() {
        try (Arena arena = Arena.ofConfined()) {
            int vocab = 2001;
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 0, 0f);
            for (int i = 1; i < vocab; i++) {
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, -i / 137f); // fractions of ln 2 spread over [0, 1)
            }
            double reference = referenceLogProb(logits, 0, vocab, 0);
            assertEquals(reference, scalarLogProb(logits, vocab, 0), Math.abs(reference) * 1e-6);
        }
    }

    /** Logits more than 125 octaves below the max, or -inf, add nothing instead of wrapping the exponent bits. */
    @ParameterizedTest
    @ValueSource(floats = {-60f, -100f, -1000f, -1e6f, Float.NEGATIVE_INFINITY})
    void farBelowTheMaxLogitsAddNothing(float low) {
        try (Arena arena = Arena.ofConfined()) {
            int vocab = 512;
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) {
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, i % 5 == 0 ? low : (float) Math.sin(i) + 30);
            }
            double reference = referenceLogProb(logits, 0, vocab, 3);
            assertEquals(reference, scalarLogProb(logits, vocab, 3), Math.abs(reference) * 1e-6);
            assertEquals(low, Extremes.min(ScalarLogSoftmax.extremes(logits, 0, vocab)));
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY})
    void aNanOrInfiniteLogitMakesTheRowNan(float bad) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, 512);
            for (int i = 0; i < 512; i++) logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 321, bad);
            assertTrue(Double.isNaN(scalarLogProb(logits, 512, 3)));
        }
    }

    private static double scalarLogProb(MemorySegment logits, int vocab, int target) {
        long extremes = ScalarLogSoftmax.extremes(logits, 0, vocab);
        double sum = ScalarLogSoftmax.sumExp(logits, 0, vocab, extremes);
        return logits.getAtIndex(ValueLayout.JAVA_FLOAT, target) - (double) Extremes.max(extremes) - Math.log(sum);
    }
}
