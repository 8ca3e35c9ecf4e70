package dev.lmscore.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vectorised kernel agrees with a double-precision reference to 1e-6 relative. */
class LogSoftmaxTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 512, 32000, 50257, 151936})
    void logProbMatchesDoubleReference(int vocab) {
        SplittableRandom random = new SplittableRandom(vocab);
        try (Arena arena = Arena.ofConfined()) {
            int rows = 4;
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, (long) rows * vocab);
            for (long i = 0; i < (long) rows * vocab; i++) {
                // wide range: typical logits span tens of nats
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (random.nextGaussian() * 4 + (i % 3)));
            }
            for (int r = 0; r < rows; r++) {
                int target = random.nextInt(vocab);
                long offset = (long) r * vocab * Float.BYTES;
                double reference = referenceLogProb(logits, offset, vocab, target);
                double got = LogSoftmax.logProb(logits, offset, vocab, target);
                assertEquals(reference, got, Math.abs(reference) * 1e-6 + 1e-9, "vocab " + vocab + " row " + r);
                double lse = referenceLogSumExp(logits, offset, vocab);
                assertEquals(lse, LogSoftmax.logSumExp(logits, offset, vocab), Math.abs(lse) * 1e-6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {-125f, -80f, -20f, -0.5f, -1e-3f, 0f})
    void vectorExp2IsAccurateAcrossItsRange(float y) {
        var v = jdk.incubator.vector.FloatVector.broadcast(LogSoftmax.SPECIES, y);
        float got = LogSoftmax.exp2(v).lane(0);
        double want = Math.pow(2, y);
        assertEquals(want, got, want * 2e-7);
    }

    /** Rows with logits more than 125 octaves below the max, or -inf, take the clamping path and stay accurate. */
    @ParameterizedTest
    @ValueSource(floats = {-100f, -1000f, Float.NEGATIVE_INFINITY})
    void farBelowTheMaxLogitsAreClampedNotWrapped(float low) {
        int vocab = 32000;
        SplittableRandom random = new SplittableRandom(7);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) {
                float x = i % 97 == 0 ? low : (float) (random.nextGaussian() * 3 + 20);
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, x);
            }
            long extremes = LogSoftmax.extremes(logits, 0, vocab);
            assertEquals(low, LogSoftmax.minOf(extremes));
            int target = 5;
            double reference = referenceLogProb(logits, 0, vocab, target);
            assertEquals(reference, LogSoftmax.logProb(logits, 0, vocab, target), Math.abs(reference) * 1e-6);
        }
    }

    @org.junit.jupiter.api.Test
    void aNanLogitMakesTheRowNan() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, 1000);
            for (int i = 0; i < 1000; i++) logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 321, Float.NaN);
            assertTrue(Double.isNaN(LogSoftmax.logProb(logits, 0, 1000, 3)));
        }
    }

    /** Logits far from zero: the rounding of max · log2(e) to float is corrected, not carried into every term. */
    @ParameterizedTest
    @ValueSource(floats = {-3000f, 1234.567f, 40000f})
    void largeLogitsKeepTheirAccuracy(float centre) {
        int vocab = 50257;
        SplittableRandom random = new SplittableRandom(11);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (centre + random.nextGaussian() * 2));
            int target = 17;
            double reference = referenceLogProb(logits, 0, vocab, target);
            assertEquals(reference, LogSoftmax.logProb(logits, 0, vocab, target), Math.abs(reference) * 1e-6);
        }
    }

    @org.junit.jupiter.api.Test
    void poolScoresEveryRowAndFlagsTheTopToken() {
        int vocab = 1000;
        int rows = 300;
        try (Arena arena = Arena.ofShared(); KernelPool pool = new KernelPool(2)) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, (long) rows * vocab);
            int[] targets = new int[rows];
            for (int r = 0; r < rows; r++) {
                for (int v = 0; v < vocab; v++) {
                    logits.setAtIndex(ValueLayout.JAVA_FLOAT, (long) r * vocab + v, (float) Math.sin(r * 31 + v));
                }
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, (long) r * vocab + (r % vocab), 5f); // row r's top token
                targets[r] = r % 2 == 0 ? r % vocab : (r + 1) % vocab;
            }
            double[] parallel = new double[rows];
            boolean[] greedy = new boolean[rows];
            pool.score(logits, rows, vocab, targets, parallel, greedy);
            double[] serial = new double[rows];
            for (int r = 0; r < rows; r++) {
                serial[r] = RowScore.score(logits, (long) r * vocab * Float.BYTES, vocab, targets[r], null, 0);
                if (r % 2 == 0) assertTrue(greedy[r], "row " + r); else assertFalse(greedy[r], "row " + r);
            }
            assertArrayEquals(serial, parallel, 0.0);
        }
    }

    /** The pool gives the per-row kernel's bits, on one thread or two, rows that need clamping among the others. */
    @ParameterizedTest
    @ValueSource(ints = {7, 16, 512, 1000, 2061, ScalarLogSoftmax.MAX_VOCAB, ScalarLogSoftmax.MAX_VOCAB + 1, 32000, 50257})
    void batchPathHasThePerRowBits(int vocab) {
        int rows = 9;
        SplittableRandom random = new SplittableRandom(vocab);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, (long) rows * vocab);
            int[] targets = new int[rows];
            for (int r = 0; r < rows; r++) {
                for (int v = 0; v < vocab; v++) {
                    logits.setAtIndex(ValueLayout.JAVA_FLOAT, (long) r * vocab + v, (float) (random.nextGaussian() * 3 - r));
                }
                targets[r] = random.nextInt(vocab);
            }
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 3L * vocab + vocab / 2, -1000f); // row 3 needs the clamped sum
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 5L * vocab + vocab - 1, 40f);   // row 5's max in its last logit
            double[] serial = new double[rows];
            for (int r = 0; r < rows; r++) {
                serial[r] = RowScore.score(logits, (long) r * vocab * Float.BYTES, vocab, targets[r], null, 0);
                assertEquals(referenceLogProb(logits, (long) r * vocab * Float.BYTES, vocab, targets[r]), serial[r],
                        Math.abs(serial[r]) * 1e-6, "row " + r);
            }
            for (int threads : new int[] {1, 2}) {
                try (KernelPool pool = new KernelPool(threads)) {
                    double[] batch = new double[rows];
                    pool.score(logits, rows, vocab, targets, batch, new boolean[rows]);
                    assertArrayEquals(serial, batch, 0.0, threads + " thread(s)");
                }
            }
        }
    }

    static double referenceLogProb(MemorySegment logits, long offset, int n, int target) {
        return logits.get(ValueLayout.JAVA_FLOAT, offset + (long) target * Float.BYTES) - referenceLogSumExp(logits, offset, n);
    }

    static double referenceLogSumExp(MemorySegment logits, long offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, logits.get(ValueLayout.JAVA_FLOAT, offset + (long) i * Float.BYTES));
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.exp(logits.get(ValueLayout.JAVA_FLOAT, offset + (long) i * Float.BYTES) - max);
        return max + Math.log(sum);
    }
}
