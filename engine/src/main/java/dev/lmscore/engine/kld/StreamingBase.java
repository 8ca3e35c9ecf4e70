package dev.lmscore.engine.kld;

import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.perplexity.Window;
import dev.lmscore.engine.perplexity.WindowDecoder;
import dev.lmscore.engine.perplexity.WindowGroups;
import java.util.List;

/**
 * The base model decoding the same groups as the model under test, one group ahead of the
 * comparison: memory is one group's records, never the whole text's.
 */
final class StreamingBase implements BaseLogProbs {
    private final EvalContext context;
    private final WindowDecoder decoder;
    private final int[] tokens;
    private final int bos;
    private final List<Window> windows;
    private final WindowGroups groups;
    private final GroupSlots slots;
    private final int vocab;
    private final int recordLength;
    private final KernelPool pool;
    private final int[] rowSlot;

    StreamingBase(Model base, ContextOptions options, int[] tokens, int bos, List<Window> windows, WindowGroups groups) {
        this.context = EvalContext.create(base, options);
        this.decoder = new WindowDecoder(context, groups.sequences());
        this.tokens = tokens;
        this.bos = bos;
        this.windows = windows;
        this.groups = groups;
        this.slots = new GroupSlots(windows.getFirst().scoredTokens(), groups.sequences());
        this.vocab = base.vocabulary().size();
        this.recordLength = QuantizedLogProbs.recordLength(vocab);
        this.pool = new KernelPool(options.effectiveThreads());
        this.rowSlot = new int[context.batchSize()];
    }

    @Override
    public boolean load(int group, short[] records) {
        slots.start(groups.first(group));
        int done = decoder.run(tokens, bos, windows, groups, List.of(group), (logits, rows, rowWindow, rowTarget) -> {
            for (int r = 0; r < rows; r++) {
                rowSlot[r] = slots.next(rowWindow[r]);
            }
            pool.forRows(rows, vocab, (from, to) -> {
                for (int r = from; r < to; r++) {
                    QuantizedLogProbs.quantize(logits, (long) r * vocab * Float.BYTES, vocab, rowTarget[r],
                            records, rowSlot[r] * recordLength);
                }
            });
        }, Progress.NONE);
        return done == 1;
    }

    @Override
    public void close() {
        decoder.close();
        context.close();
        pool.close();
    }
}
