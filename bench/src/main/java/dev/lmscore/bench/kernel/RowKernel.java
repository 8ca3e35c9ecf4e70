package dev.lmscore.bench.kernel;

import java.lang.foreign.MemorySegment;

/** One way of computing log p(target) from a row of logits read from off-heap memory. */
@FunctionalInterface
public interface RowKernel {
    /**
     * Log-probability of {@code target} under the softmax of the {@code vocab} floats at byte
     * offset {@code offset} of {@code logits}.
     */
    double logProb(MemorySegment logits, long offset, int vocab, int target);
}
