package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel variant agrees with a double-precision log-softmax to 1e-6 relative, at every
 * benchmarked vocabulary size.
 *
 * <p>"Relative" is taken of log p where |log p| >= 1, and of p itself below that: for a token the
 * model is nearly sure of (log p = -0.05) a relative bound on log p would ask for 5e-8 nats, below
 * float32's own resolution of the logits, while what perplexity sees is p (an error of e in log p
 * changes p and the perplexity by a factor of exp(e)). Hence the bound 1e-6 · max(1, |log p|).
 */
class KernelVariantsAccuracyTest {
    static double tolerance(double reference) {
        return 1e-6 * Math.max(1, Math.abs(reference));
    }

    private static final int ROWS = 6;

    static Stream<Arguments> variantsAndSizes() {
        // 1 and 7 have no full vector; 1031 ends on a partial block and a scalar tail
        return accurateVariants().flatMap(v -> Stream.of(1, 7, 512, 1031, 32000, 50257, 151936)
                .map(n -> Arguments.of(v, n)));
    }

    @ParameterizedTest(name = "{0} vocab {1}")
    @MethodSource("variantsAndSizes")
    void matchesDoubleReference(KernelVariant variant, int vocab) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = GaussianLogits.allocate(arena, ROWS, vocab, vocab);
            int[] targets = GaussianLogits.targets(logits, ROWS, vocab, vocab);
            for (int r = 0; r < ROWS; r++) {
                long offset = (long) r * vocab * Float.BYTES;
                double reference = ReferenceLogSoftmax.logProb(logits, offset, vocab, targets[r]);
                double got = variant.kernel().logProb(logits, offset, vocab, targets[r]);
                assertEquals(reference, got, tolerance(reference), variant + " vocab " + vocab + " row " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantsOnly")
    void staysAccurateWhenTheMaxComesLate(KernelVariant variant) {
        // ascending logits: the online variants rescale their sums at every block
        int vocab = 40_000;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocate(JAVA_FLOAT, vocab);
            for (int v = 0; v < vocab; v++) {
                logits.setAtIndex(JAVA_FLOAT, v, -20f + 40f * v / vocab);
            }
            for (int target : new int[] {0, vocab / 2, vocab - 1}) {
                double reference = ReferenceLogSoftmax.logProb(logits, 0, vocab, target);
                double got = variant.kernel().logProb(logits, 0, vocab, target);
                assertEquals(reference, got, tolerance(reference), variant + " target " + target);
            }
        }
    }

    static Stream<KernelVariant> variantsOnly() {
        return accurateVariants();
    }

    static Stream<KernelVariant> accurateVariants() {
        return Stream.of(KernelVariant.values()).filter(KernelVariant::accurate);
    }

    @Test
    void floatAccumulationMissesTheBoundOnLargeVocabularies() {
        // why the engine folds its float lanes into a double every block: without the fold the
        // error grows with the row and passes 1e-6 well before 152k logits
        int vocab = 151936;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = GaussianLogits.allocate(arena, ROWS, vocab, vocab);
            int[] targets = GaussianLogits.targets(logits, ROWS, vocab, vocab);
            double worst = 0;
            for (int r = 0; r < ROWS; r++) {
                long offset = (long) r * vocab * Float.BYTES;
                double reference = ReferenceLogSoftmax.logProb(logits, offset, vocab, targets[r]);
                double got = KernelVariant.FLOAT_ACCUMULATION.kernel().logProb(logits, offset, vocab, targets[r]);
                worst = Math.max(worst, Math.abs(got - reference) / tolerance(reference));
            }
            assertTrue(worst > 2, "float accumulation error " + worst + " of the bound");
        }
    }
}
