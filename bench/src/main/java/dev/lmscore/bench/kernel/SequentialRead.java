package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The cheapest complete read of a float buffer: a vectorised sum with eight independent
 * accumulators, so that add latency does not limit it (four were measurably slower on an AMD EPYC
 * Zen 3). Its rate is the ceiling for any kernel that
 * must look at every logit once.
 */
public final class SequentialRead {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private SequentialRead() {}

    /** Sum of the floats at byte offsets [from, to) of {@code segment}. */
    public static float sum(MemorySegment segment, long from, long to) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        long step = (long) LANES * Float.BYTES;
        long i = from;
        for (; i + 8 * step <= to; i += 8 * step) {
            a0 = a0.add(FloatVector.fromMemorySegment(F, segment, i, ORDER));
            a1 = a1.add(FloatVector.fromMemorySegment(F, segment, i + step, ORDER));
            a2 = a2.add(FloatVector.fromMemorySegment(F, segment, i + 2 * step, ORDER));
            a3 = a3.add(FloatVector.fromMemorySegment(F, segment, i + 3 * step, ORDER));
            a4 = a4.add(FloatVector.fromMemorySegment(F, segment, i + 4 * step, ORDER));
            a5 = a5.add(FloatVector.fromMemorySegment(F, segment, i + 5 * step, ORDER));
            a6 = a6.add(FloatVector.fromMemorySegment(F, segment, i + 6 * step, ORDER));
            a7 = a7.add(FloatVector.fromMemorySegment(F, segment, i + 7 * step, ORDER));
        }
        float sum = a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).reduceLanes(VectorOperators.ADD);
        for (; i < to; i += Float.BYTES) {
            sum += segment.get(JAVA_FLOAT_UNALIGNED, i);
        }
        return sum;
    }
}
