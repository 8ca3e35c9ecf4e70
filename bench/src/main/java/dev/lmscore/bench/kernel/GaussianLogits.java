package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * Off-heap rows of logits shaped like a language model's: most of the vocabulary N(0, 2.5²), a
 * handful of plausible next tokens lifted 8–14 nats above the rest. The shape matters little to the
 * kernel's speed (it has no data-dependent branches), but it keeps the accuracy checks honest: the
 * sum of exponentials is dominated by a few terms and has a long tail of tiny ones.
 */
public final class GaussianLogits {
    /** Tokens per row lifted above the rest. */
    private static final int PLAUSIBLE = 8;

    private GaussianLogits() {}

    /** {@code rows × vocab} floats, 64-byte aligned, filled deterministically from {@code seed}. */
    public static MemorySegment allocate(Arena arena, int rows, int vocab, long seed) {
        MemorySegment logits = arena.allocate((long) rows * vocab * Float.BYTES, 64);
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            long base = (long) r * vocab;
            for (int v = 0; v < vocab; v++) {
                logits.setAtIndex(JAVA_FLOAT, base + v, (float) (random.nextGaussian() * 2.5));
            }
            for (int k = 0; k < Math.min(PLAUSIBLE, vocab); k++) {
                long index = base + random.nextInt(vocab);
                logits.setAtIndex(JAVA_FLOAT, index, logits.getAtIndex(JAVA_FLOAT, index) + 8f + 6f * (float) random.nextDouble());
            }
        }
        return logits;
    }

    /** One target token per row: half of them the row's top token (a well-predicted text), half random. */
    public static int[] targets(MemorySegment logits, int rows, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        int[] targets = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (r % 2 == 0) {
                int best = 0;
                for (int v = 1; v < vocab; v++) {
                    if (logits.getAtIndex(JAVA_FLOAT, (long) r * vocab + v) > logits.getAtIndex(JAVA_FLOAT, (long) r * vocab + best)) {
                        best = v;
                    }
                }
                targets[r] = best;
            } else {
                targets[r] = random.nextInt(vocab);
            }
        }
        return targets;
    }
}
