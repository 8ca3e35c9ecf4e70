package dev.lmscore.bench.kernel;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;

import dev.lmscore.engine.kernel.LogSoftmax;
import java.lang.foreign.MemorySegment;

/**
 * Splits the vocabulary instead of the rows: each thread takes one slice of every row and computes
 * that slice's max and sum of exponentials; the caller merges the slices of each row
 * (S = Σ s_p·exp(m_p − M)). The only split that puts several cores on a single row.
 */
final class VocabSliceScorer implements BatchScorer {
    private static final int ALIGN = 16; // slice starts on 64-byte boundaries of the row
    private final PartRunner runner;
    private float[][] maxima = new float[0][];
    private double[][] sums = new double[0][];

    VocabSliceScorer(int threads) {
        this.runner = new PartRunner(threads);
    }

    @Override
    public void score(MemorySegment logits, int rows, int vocab, int[] targets, double[] logProbs) {
        int parts = runner.threads();
        if (maxima.length != parts || maxima[0].length < rows) {
            maxima = new float[parts][rows];
            sums = new double[parts][rows];
        }
        long rowBytes = (long) vocab * Float.BYTES;
        int slice = (vocab / parts + ALIGN - 1) / ALIGN * ALIGN;
        float[][] m = maxima;
        double[][] s = sums;
        runner.run(p -> {
            int from = Math.min(vocab, p * slice);
            int n = Math.min(vocab, from + slice) - from;
            for (int r = 0; r < rows; r++) {
                long offset = r * rowBytes + (long) from * Float.BYTES;
                if (n == 0) {
                    m[p][r] = Float.NEGATIVE_INFINITY;
                    s[p][r] = 0;
                    continue;
                }
                long extremes = LogSoftmax.extremes(logits, offset, n);
                m[p][r] = LogSoftmax.maxOf(extremes);
                s[p][r] = LogSoftmax.sumExp(logits, offset, n, extremes);
            }
        });
        for (int r = 0; r < rows; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < parts; p++) {
                max = Math.max(max, m[p][r]);
            }
            double sum = 0;
            for (int p = 0; p < parts; p++) {
                if (s[p][r] > 0) {
                    sum += s[p][r] * Math.exp((double) m[p][r] - max);
                }
            }
            float logit = logits.get(JAVA_FLOAT_UNALIGNED, r * rowBytes + (long) targets[r] * Float.BYTES);
            logProbs[r] = (double) logit - max - Math.log(sum);
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
