package dev.lmscore.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelWarmupTest {
    private static final int LANES = LogSoftmax.SPECIES.length();

    /** A path the warm-up never takes is compiled as a trap, and the first real row taking it deoptimises the kernel. */
    @Test
    void rowLengthsTakeEveryPathOfTheKernel() {
        int[] lengths = KernelWarmup.rowLengths();
        assertTrue(Arrays.stream(lengths).anyMatch(n -> n % (4 * LANES) == 0), "whole groups of four vectors only");
        assertTrue(Arrays.stream(lengths).anyMatch(n -> n % (4 * LANES) >= LANES), "the one-vector loop");
        assertTrue(Arrays.stream(lengths).anyMatch(n -> n % LANES != 0), "the scalar tail");
        assertTrue(Arrays.stream(lengths).anyMatch(n -> n / LANES % 2 == 1), "an odd count of vectors in a block sum");
        assertTrue(Arrays.stream(lengths).anyMatch(n -> n > LogSoftmax.BLOCK), "more than one block of the sum");
    }
}
