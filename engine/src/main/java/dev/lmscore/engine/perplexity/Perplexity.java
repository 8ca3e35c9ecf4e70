package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.kernel.KernelWarmup;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.TextTokens;
import dev.lmscore.engine.llama.Vocabulary;
import dev.lmscore.engine.text.Text;
import dev.lmscore.engine.text.TextInput;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/** Perplexity of a model on a text: text → tokens → windows → batches → logits → log-probs → statistics. */
public final class Perplexity {
    private Perplexity() {}

    public static PerplexityResult run(Model model, String text, PerplexityOptions options, Progress progress) {
        return run(model, Text.of(text), options, RunSelection.all(), progress);
    }

    public static PerplexityResult run(Model model, Text input, PerplexityOptions options, RunSelection selection,
                                       Progress progress) {
        String text = input.content();
        Vocabulary vocabulary = model.vocabulary();
        checkOptions(model, options);

        KernelWarmup.startFor(vocabulary.size(), KernelWarmup.Scoring.ROWS); // at once if the command line has not started it yet
        long t0 = System.nanoTime();
        boolean chunked = options.mode() == PerplexityOptions.Mode.CHUNKED;
        // CHUNKED tokenizes as llama-perplexity (with BOS if the vocabulary adds it); ROLLING scores
        // the text's own tokens and supplies the BOS prefix itself.
        TextTokens tokenized = vocabulary.tokenizeText(text, chunked, WindowPlan.tokensNeeded(options),
                ContextOptions.effectiveThreads(options.threads()));
        int[] tokens = tokenized.tokens();
        long t1 = System.nanoTime();

        int n = options.contextSize();
        List<Window> windows = chunked
                ? WindowPlan.chunks(tokens.length, n, vocabulary.addsBos(), options.maxWindows())
                : WindowPlan.rolling(tokens.length, n, options.effectiveStride(), true, options.maxWindows());
        int prefix = chunked || vocabulary.bos() >= 0 ? vocabulary.bos() : vocabulary.eos();

        int sequences = Math.min(options.sequences(), windows.size());
        WindowGroups groups = new WindowGroups(windows.size(), sequences);
        List<Integer> shardGroups = groups.shard(selection.shardIndex(), selection.shards());
        BitSet done = new BitSet(windows.size());
        List<WindowScore> scores = new ArrayList<>(selection.alreadyDone());
        for (WindowScore s : scores) {
            done.set(s.window());
        }
        List<Integer> toRun = groups.remaining(shardGroups, done);
        // A group is the unit of work: one only partly in the checkpoint is recomputed whole.
        BitSet rerun = new BitSet(windows.size());
        for (int g : toRun) {
            rerun.set(groups.first(g), groups.end(g));
        }
        scores.removeIf(s -> rerun.get(s.window()));

        if (!toRun.isEmpty()) {
            ContextOptions contextOptions = new ContextOptions(sequences * n, Math.min(options.batchSize(), sequences * n),
                    options.ubatchSize(), sequences, options.threads(), options.flashAttention(), options.cacheType(), false);
            try (EvalContext context = EvalContext.create(model, contextOptions);
                 KernelPool pool = new KernelPool(contextOptions.effectiveThreads());
                 WindowDecoder decoder = new WindowDecoder(context, sequences)) {
                KernelWarmup.await();
                NllCollector collector = new NllCollector(pool, vocabulary, context.batchSize(), windows.size(),
                        groups, finished -> {
                            scores.addAll(finished);
                            selection.onGroupDone().accept(finished);
                        });
                if (options.pipelined()) {
                    try (PipelinedRowSink pipeline = new PipelinedRowSink(collector, context.batchSize(), vocabulary.size())) {
                        decoder.run(tokens, prefix, windows, groups, toRun, pipeline, progress);
                        pipeline.drain();
                    }
                } else {
                    decoder.run(tokens, prefix, windows, groups, toRun, collector, progress);
                }
            }
        }
        long t2 = System.nanoTime();

        scores.sort(Comparator.comparingInt(WindowScore::window));
        int planned = 0;
        for (int g : shardGroups) {
            planned += groups.end(g) - groups.first(g);
        }
        long words = chunked ? 0 : TextInput.countWords(text);
        return new PerplexityResult(options, sequences, input.utf8Bytes(), tokenized.wholeText() ? tokens.length : -1, windows.size(), planned,
                List.copyOf(scores), words, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    private static void checkOptions(Model model, PerplexityOptions options) {
        int n = options.contextSize();
        if (n < 4) {
            throw LmscoreException.usage("context size must be at least 4, got " + n);
        }
        model.requireWithinTrainingContext(n);
        if (options.batchSize() < 1) {
            throw LmscoreException.usage("batch size must be positive, got " + options.batchSize());
        }
        if (options.mode() == PerplexityOptions.Mode.CHUNKED && model.vocabulary().addsEos()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "model " + model.path().getFileName()
                    + " adds EOS to every text; llama-perplexity's chunked perplexity is undefined for it (use --mode rolling)");
        }
    }
}
