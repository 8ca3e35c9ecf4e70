package dev.lmscore.bench.kernel;

import dev.lmscore.engine.kernel.LogSoftmax;
import dev.lmscore.engine.kernel.RowScore;

/**
 * The log-softmax kernels the benchmarks compare, by name (the names are JMH parameter values); see
 * {@link KernelVariants} and {@link OnlineKernels} for what each changes.
 */
public enum KernelVariant {
    /** Scalar, two passes, heap copy, {@code Math.exp} in double: the baseline. */
    NAIVE(NaiveKernel::logProb),
    /**
     * The engine's kernel ({@code RowScore.score}): what lmscore runs. Rows of up to 4,096 logits
     * take its scalar kernel ({@code ScalarLogSoftmax}), longer ones the Vector API kernel.
     */
    ENGINE((logits, offset, vocab, target) -> RowScore.score(logits, offset, vocab, target, null, 0)),
    /** The engine's Vector API kernel ({@code RowScore.vectorScore}) at every row length: ENGINE's price for short rows. */
    ENGINE_VECTOR((logits, offset, vocab, target) -> RowScore.vectorScore(logits, offset, vocab, target, null, 0)),
    /**
     * The engine's two-pass Vector API kernel ({@code LogSoftmax.logProb}: extremes, then the sum
     * read again from cache), which it ran until 2026-12 and still uses where a row's normaliser
     * serves several targets.
     */
    TWO_PASS(LogSoftmax::logProb),
    /** The engine's kernel before 2026-12 (base-e polynomial, one-accumulator max). */
    CEPHES_TWO_PASS(KernelVariants::cephesTwoPass),
    AUTO_VECTORISED(KernelVariants::autoVectorised),
    VECTOR_API_EXP(KernelVariants::vectorApiExp),
    ESTRIN_EXP(KernelVariants::estrinExp),
    UNROLLED_X2(KernelVariants::unrolledTwice),
    ONE_PASS_ONLINE(OnlineKernels::onePassOnline),
    BLOCKED_ONLINE(OnlineKernels::blockedOnline),
    BLOCKED_ESTRIN(OnlineKernels::blockedEstrin),
    /**
     * Float lanes for the whole row: misses the 1e-6 accuracy bound from 32k logits up (its rounding
     * error grows with the row), so it is measured only to price the engine's per-block fold.
     */
    FLOAT_ACCUMULATION(KernelVariants::floatAccumulation, false),
    DOUBLE_ACCUMULATION(KernelVariants::doubleAccumulation);

    private final RowKernel kernel;
    private final boolean accurate;

    KernelVariant(RowKernel kernel) {
        this(kernel, true);
    }

    KernelVariant(RowKernel kernel, boolean accurate) {
        this.kernel = kernel;
        this.accurate = accurate;
    }

    public RowKernel kernel() {
        return kernel;
    }

    /** Whether the variant keeps log p within 1e-6 · max(1, |log p|) of a double-precision reference at every size benchmarked. */
    public boolean accurate() {
        return accurate;
    }
}
