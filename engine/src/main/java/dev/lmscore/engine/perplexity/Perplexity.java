package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.Vocabulary;
import dev.lmscore.engine.stats.NllStats;
import dev.lmscore.engine.text.TextInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Perplexity of a model on a text: text → tokens → windows → batches → logits → log-probs → statistics. */
public final class Perplexity {
    private Perplexity() {}

    public static PerplexityResult run(Model model, String text, PerplexityOptions options, Progress progress) {
        Vocabulary vocabulary = model.vocabulary();
        checkOptions(model, options);

        long t0 = System.nanoTime();
        boolean chunked = options.mode() == PerplexityOptions.Mode.CHUNKED;
        // CHUNKED tokenizes as llama-perplexity (with BOS if the vocabulary adds it); ROLLING scores
        // the text's own tokens and supplies the BOS prefix itself.
        int[] tokens = vocabulary.tokenize(text, chunked, false);
        long t1 = System.nanoTime();

        int n = options.contextSize();
        List<Window> windows = chunked
                ? WindowPlan.chunks(tokens.length, n, vocabulary.addsBos(), options.maxWindows())
                : WindowPlan.rolling(tokens.length, n, options.effectiveStride(), true, options.maxWindows());
        int prefix = chunked || vocabulary.bos() >= 0 ? vocabulary.bos() : vocabulary.eos();

        int sequences = Math.min(options.sequences(), windows.size());
        ContextOptions contextOptions = new ContextOptions(sequences * n, Math.min(options.batchSize(), sequences * n),
                options.ubatchSize(), sequences, options.threads(), options.flashAttention(), options.cacheType(), false);
        NllCollector collector;
        try (EvalContext context = EvalContext.create(model, contextOptions);
             KernelPool pool = new KernelPool(contextOptions.effectiveThreads());
             WindowDecoder decoder = new WindowDecoder(context, sequences)) {
            collector = new NllCollector(pool, vocabulary, context.batchSize(), windows.size());
            decoder.run(tokens, prefix, windows, collector, progress);
        }
        long t2 = System.nanoTime();

        List<NllStats> perWindow = new ArrayList<>(windows.size());
        NllStats total = NllStats.EMPTY;
        long bytes = 0;
        long top1 = 0;
        for (int w = 0; w < windows.size(); w++) {
            NllStats s = collector.window(w);
            perWindow.add(s);
            total = total.plus(s);
            bytes += collector.bytes(w);
            top1 += collector.top1(w);
        }
        long textBytes = text.getBytes(StandardCharsets.UTF_8).length;
        long words = 0;
        if (!chunked && options.maxWindows() == 0) {
            // Every token scored: normalise by the text itself, as lm-evaluation-harness does (token
            // pieces would count the space SentencePiece adds in front of the text).
            bytes = textBytes;
            words = TextInput.countWords(text);
        }
        return new PerplexityResult(options, sequences, textBytes, tokens.length,
                total, bytes, top1, List.copyOf(perWindow), words, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    private static void checkOptions(Model model, PerplexityOptions options) {
        int n = options.contextSize();
        if (n < 4) {
            throw LmscoreException.usage("context size must be at least 4, got " + n);
        }
        int trained = model.trainingContext();
        if (trained > 0 && n > trained) {
            throw LmscoreException.usage("context size " + n + " is larger than the model's training context "
                    + trained + " (" + model.path().getFileName() + ")");
        }
        if (options.batchSize() < 1) {
            throw LmscoreException.usage("batch size must be positive, got " + options.batchSize());
        }
        if (options.mode() == PerplexityOptions.Mode.CHUNKED && model.vocabulary().addsEos()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "model " + model.path().getFileName()
                    + " adds EOS to every text; llama-perplexity's chunked perplexity is undefined for it (use --mode rolling)");
        }
    }
}
