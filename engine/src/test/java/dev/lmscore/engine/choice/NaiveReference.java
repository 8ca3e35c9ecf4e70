package dev.lmscore.engine.choice;

import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.TokenBatch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The slowest correct way to score a continuation: one fresh decode of each token prefix, one
 * sequence, no sharing, and a plain double-precision log-softmax of the last row.
 */
final class NaiveReference implements AutoCloseable {
    private final EvalContext context;
    private final TokenBatch batch;
    private final int vocab;

    NaiveReference(Model model, boolean exact) {
        ContextOptions options = ContextOptions.of(512, 512, 1).withThreads(1);
        this.context = EvalContext.create(model, exact ? options.exact() : options);
        this.batch = new TokenBatch(512, 1);
        this.vocab = context.vocabularySize();
    }

    /** Log-likelihood of tokens[scoreFrom..] given what precedes each, and whether each was the top token. */
    Score score(int[] tokens, int scoreFrom) {
        double sum = 0;
        boolean greedy = true;
        for (int target = scoreFrom; target < tokens.length; target++) {
            context.clearMemory();
            batch.clear();
            for (int p = 0; p < target; p++) {
                batch.add(tokens[p], p, 0, p == target - 1);
            }
            context.decode(batch);
            MemorySegment row = context.logits(1);
            double max = Double.NEGATIVE_INFINITY;
            int argmax = -1;
            for (int v = 0; v < vocab; v++) {
                double x = row.getAtIndex(ValueLayout.JAVA_FLOAT, v);
                if (x > max) {
                    max = x;
                    argmax = v;
                }
            }
            double z = 0;
            for (int v = 0; v < vocab; v++) {
                z += Math.exp(row.getAtIndex(ValueLayout.JAVA_FLOAT, v) - max);
            }
            sum += row.getAtIndex(ValueLayout.JAVA_FLOAT, tokens[target]) - max - Math.log(z);
            greedy &= argmax == tokens[target];
        }
        return new Score(sum, tokens.length - scoreFrom, greedy);
    }

    record Score(double logLikelihood, int tokens, boolean greedy) {}

    @Override
    public void close() {
        batch.close();
        context.close();
    }
}
