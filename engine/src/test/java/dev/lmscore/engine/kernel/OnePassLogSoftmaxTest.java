package dev.lmscore.engine.kernel;

import static dev.lmscore.engine.kernel.LogSoftmaxTest.referenceLogProb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass kernel agrees with a double-precision reference to the kernels' bound (1e-6
 * relative), on rows that take each of its paths: the base kept, the base moved up by a later
 * block, a block summed again with clamping, the scalar tail, and the two-pass fallback.
 */
class OnePassLogSoftmaxTest {

    @ParameterizedTest
    @ValueSource(ints = {4097, 32000, 50257, 151936})
    void matchesTheReferenceOnGaussianRows(int vocab) {
        assertRowsMatch(vocab, (i, random) -> (float) (random.nextGaussian() * 4 + (i % 3)));
    }

    /** The largest logits late in the row: the base moves up block after block. */
    @ParameterizedTest
    @ValueSource(ints = {5000, 32000, 151936})
    void aRisingRowMovesTheBase(int vocab) {
        assertRowsMatch(vocab, (i, random) -> (float) (i * 60.0 / vocab + random.nextGaussian()));
    }

    /** One logit far above its block's neighbours, in the second block and in the scalar tail. */
    @ParameterizedTest
    @ValueSource(ints = {1500, 32007})
    void aSpikeAfterTheFirstBlock(int spikeAt) {
        int vocab = 32007;
        assertRowsMatch(vocab, (i, random) -> i == spikeAt || i == 1500 ? 40f : (float) random.nextGaussian());
    }

    /** Logits more than 125 octaves below the base, or -inf: the block is summed again with clamping. */
    @ParameterizedTest
    @ValueSource(floats = {-100f, -1000f, Float.NEGATIVE_INFINITY})
    void farBelowLogitsAreClamped(float low) {
        assertRowsMatch(32000, (i, random) -> i % 997 == 5 ? low : (float) (random.nextGaussian() * 3 + 20));
    }

    /** A tail logit far above the base, or a first block far below the rest, still comes out right. */
    @Test
    void extremeRowsFallBackOrRebase() {
        assertRowsMatch(32003, (i, random) -> i == 32002 ? 500f : (float) random.nextGaussian());
        assertRowsMatch(32000, (i, random) -> i < 1024 ? -3000f : (float) random.nextGaussian());
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY})
    void aNanOrInfiniteLogitMakesTheRowNan(float bad) {
        try (Arena arena = Arena.ofConfined()) {
            int vocab = 32000;
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 20000, bad);
            assertTrue(Double.isNaN(OnePassLogSoftmax.score(logits, 0, vocab, 3, null, 0)));
        }
    }

    @Test
    void flagsTheTopToken() {
        try (Arena arena = Arena.ofConfined()) {
            int vocab = 32000;
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i));
            logits.setAtIndex(ValueLayout.JAVA_FLOAT, 31000, 3f);
            boolean[] greedy = new boolean[2];
            OnePassLogSoftmax.score(logits, 0, vocab, 31000, greedy, 0);
            OnePassLogSoftmax.score(logits, 0, vocab, 7, greedy, 1);
            assertTrue(greedy[0]);
            assertFalse(greedy[1]);
        }
    }

    private interface RowValues {
        float at(int i, SplittableRandom random);
    }

    private static void assertRowsMatch(int vocab, RowValues values) {
        SplittableRandom random = new SplittableRandom(vocab);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(ValueLayout.JAVA_FLOAT, vocab);
            for (int i = 0; i < vocab; i++) {
                logits.setAtIndex(ValueLayout.JAVA_FLOAT, i, values.at(i, random));
            }
            for (int target : new int[] {0, vocab / 3, vocab - 1}) {
                double reference = referenceLogProb(logits, 0, vocab, target);
                double got = OnePassLogSoftmax.score(logits, 0, vocab, target, null, 0);
                assertEquals(reference, got, Math.max(1, Math.abs(reference)) * 1e-6, "vocab " + vocab + " target " + target);
            }
        }
    }
}
