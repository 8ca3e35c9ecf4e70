package dev.lmscore.engine.kld;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.Vocabulary;
import dev.lmscore.engine.perplexity.PerplexityOptions;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.perplexity.Window;
import dev.lmscore.engine.perplexity.WindowDecoder;
import dev.lmscore.engine.perplexity.WindowGroups;
import dev.lmscore.engine.perplexity.WindowPlan;
import dev.lmscore.engine.stats.NllStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * KL divergence of a model from a base model, in llama-perplexity's {@code --kl-divergence}
 * definition: the chunks and scored positions of the chunked perplexity, the model's full
 * log-softmax against the base's 16-bit quantized log-probs. The base comes from running the base
 * model in lockstep (each decode group first on the base, then on the model) or from a base-logits
 * file in llama.cpp's format; {@link #saveBase} writes such a file.
 */
public final class KlDivergence {
    private KlDivergence() {}

    /** Both models over the same chunks, group by group: memory is one group's rows, no file. */
    public static KldResult streaming(Model base, Model model, String text, PerplexityOptions options, Progress progress) {
        SameVocabulary.require(base, model);
        checkOptions(base, options);
        checkOptions(model, options);
        long t0 = System.nanoTime();
        Vocabulary vocabulary = model.vocabulary();
        int[] tokens = vocabulary.tokenize(text, true, false);
        List<Window> windows = WindowPlan.chunks(tokens.length, options.contextSize(), vocabulary.addsBos(),
                options.maxWindows());
        WindowGroups groups = new WindowGroups(windows.size(), Math.min(options.sequences(), windows.size()));
        ContextOptions contextOptions = contextOptions(options, groups.sequences());
        try (BaseLogProbs baseLogProbs = new StreamingBase(base, contextOptions, tokens, vocabulary.bos(), windows, groups)) {
            return compare(model, baseLogProbs, tokens, windows, groups, contextOptions, progress, t0);
        }
    }

    /**
     * The model against a base-logits file written by llama-perplexity {@code --kl-divergence-base}
     * or {@link #saveBase}. The tokens come from the file; a text, if given, must tokenize to them.
     * The context size is the file's.
     */
    public static KldResult fromFile(Model model, Path baseFile, String text, PerplexityOptions options, Progress progress) {
        long t0 = System.nanoTime();
        try (BaseLogitsFile file = BaseLogitsFile.open(baseFile)) {
            BaseLogitsFile.Header header = file.header();
            Vocabulary vocabulary = model.vocabulary();
            if (header.vocabularySize() != vocabulary.size()) {
                throw new LmscoreException(ExitCode.BAD_INPUT, baseFile + " was made with a vocabulary of "
                        + header.vocabularySize() + " tokens, " + model.path().getFileName() + " has " + vocabulary.size());
            }
            int[] tokens = header.tokens();
            if (text != null) {
                requireSameTokens(baseFile, tokens, vocabulary.tokenize(text, true, false));
            }
            int n = header.contextSize();
            PerplexityOptions fileOptions = new PerplexityOptions(PerplexityOptions.Mode.CHUNKED, n, options.batchSize(),
                    options.ubatchSize(), options.threads(), options.maxWindows(), 0, options.flashAttention(),
                    options.cacheType(), false);
            checkOptions(model, fileOptions);
            int chunks = options.maxWindows() > 0 ? Math.min(options.maxWindows(), header.chunks()) : header.chunks();
            // The file holds exactly its chunks' tokens, possibly a single chunk: plan over at least two
            // chunks' worth (the plan's minimum) and keep the file's count.
            List<Window> windows = WindowPlan.chunks(Math.max(tokens.length, 2 * n), n, vocabulary.addsBos(), chunks);
            WindowGroups groups = new WindowGroups(windows.size(), Math.min(fileOptions.sequences(), windows.size()));
            file.groupSize(groups.sequences());
            return compare(model, file, tokens, windows, groups, contextOptions(fileOptions, groups.sequences()), progress, t0);
        }
    }

    /** Runs the base model and writes its quantized log-probs as llama-perplexity's base-logits file. */
    public static BaseSaveResult saveBase(Model base, String text, Path target, PerplexityOptions options, Progress progress) {
        checkOptions(base, options);
        long t0 = System.nanoTime();
        Vocabulary vocabulary = base.vocabulary();
        int vocab = vocabulary.size();
        int[] tokens = vocabulary.tokenize(text, true, false);
        int n = options.contextSize();
        List<Window> windows = WindowPlan.chunks(tokens.length, n, vocabulary.addsBos(), options.maxWindows());
        WindowGroups groups = new WindowGroups(windows.size(), Math.min(options.sequences(), windows.size()));
        int perWindow = windows.getFirst().scoredTokens();
        int recordLength = QuantizedLogProbs.recordLength(vocab);
        short[] records = new short[groups.sequences() * perWindow * recordLength];
        double[] nll = new double[groups.sequences() * perWindow];
        GroupSlots slots = new GroupSlots(perWindow, groups.sequences());
        NllStats total = NllStats.EMPTY;
        ContextOptions contextOptions = contextOptions(options, groups.sequences());
        try (EvalContext context = EvalContext.create(base, contextOptions);
             KernelPool pool = new KernelPool(contextOptions.effectiveThreads());
             WindowDecoder decoder = new WindowDecoder(context, groups.sequences());
             BaseLogitsWriter writer = new BaseLogitsWriter(target, n, vocab, windows.size(), tokens)) {
            for (int g = 0; g < groups.count(); g++) {
                slots.start(groups.first(g));
                int done = decoder.run(tokens, vocabulary.bos(), windows, groups, List.of(g), (logits, rows, rowWindow, rowTarget) -> {
                    int[] rowSlot = slotsOf(slots, rows, rowWindow);
                    pool.forRows(rows, vocab, (from, to) -> {
                        for (int r = from; r < to; r++) {
                            nll[rowSlot[r]] = QuantizedLogProbs.quantize(logits, (long) r * vocab * Float.BYTES, vocab,
                                    rowTarget[r], records, rowSlot[r] * recordLength);
                        }
                    });
                }, Progress.NONE);
                if (done == 0) {
                    throw new LmscoreException(ExitCode.INTERRUPTED, "interrupted; " + target + " not written");
                }
                int rows = (groups.end(g) - groups.first(g)) * perWindow;
                writer.write(records, rows * recordLength);
                double sum = 0, sum2 = 0;
                for (int r = 0; r < rows; r++) {
                    sum += nll[r];
                    sum2 += nll[r] * nll[r];
                }
                total = total.plus(new NllStats(rows, sum, sum2));
                progress.update(groups.end(g), windows.size(), total.count());
            }
            writer.finish();
        }
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException e) {
            bytes = -1;
        }
        return new BaseSaveResult(target, n, windows.size(), vocab, total, bytes, (System.nanoTime() - t0) / 1e9);
    }

    private static KldResult compare(Model model, BaseLogProbs base, int[] tokens, List<Window> windows, WindowGroups groups,
                                     ContextOptions contextOptions, Progress progress, long t0) {
        int vocab = model.vocabulary().size();
        int recordLength = QuantizedLogProbs.recordLength(vocab);
        int perWindow = windows.getFirst().scoredTokens();
        short[] records = new short[groups.sequences() * perWindow * recordLength];
        TokenValues values = new TokenValues(windows.size() * perWindow);
        GroupSlots slots = new GroupSlots(perWindow, groups.sequences());
        int chunksDone = 0;
        try (EvalContext context = EvalContext.create(model, contextOptions);
             KernelPool pool = new KernelPool(contextOptions.effectiveThreads());
             WindowDecoder decoder = new WindowDecoder(context, groups.sequences())) {
            for (int g = 0; g < groups.count(); g++) {
                if (!base.load(g, records)) break;
                int groupFirstRow = groups.first(g) * perWindow;
                slots.start(groups.first(g));
                int done = decoder.run(tokens, model.vocabulary().bos(), windows, groups, List.of(g), (logits, rows, rowWindow, rowTarget) -> {
                    int[] rowSlot = slotsOf(slots, rows, rowWindow);
                    pool.forRows(rows, vocab, (from, to) -> {
                        for (int r = from; r < to; r++) {
                            TokenDivergence.score(logits, (long) r * vocab * Float.BYTES, vocab, rowTarget[r], records,
                                    rowSlot[r] * recordLength, values, groupFirstRow + rowSlot[r]);
                        }
                    });
                }, Progress.NONE);
                if (done == 0) break;
                chunksDone = groups.end(g);
                progress.update(chunksDone, windows.size(), (long) chunksDone * perWindow);
            }
        }
        boolean interrupted = chunksDone < windows.size();
        TokenValues compared = interrupted ? values.prefix(chunksDone * perWindow) : values;
        if (compared.size() == 0) {
            throw new LmscoreException(ExitCode.INTERRUPTED, "interrupted before the first chunk was compared");
        }
        return new KldResult(windows.getFirst().length(), chunksDone, windows.size(), vocab, compared,
                KldStatistics.of(compared), interrupted, (System.nanoTime() - t0) / 1e9);
    }

    /** Each row's place in the group, assigned in arrival order before rows are shared out to threads. */
    private static int[] slotsOf(GroupSlots slots, int rows, int[] rowWindow) {
        int[] rowSlot = new int[rows];
        for (int r = 0; r < rows; r++) {
            rowSlot[r] = slots.next(rowWindow[r]);
        }
        return rowSlot;
    }

    private static void requireSameTokens(Path baseFile, int[] fileTokens, int[] textTokens) {
        if (textTokens.length < fileTokens.length) {
            throw LmscoreException.badInput(baseFile + " was made from another text: it holds " + fileTokens.length
                    + " tokens, the text tokenizes to " + textTokens.length);
        }
        for (int i = 0; i < fileTokens.length; i++) {
            if (fileTokens[i] != textTokens[i]) {
                throw LmscoreException.badInput(baseFile + " was made from another text: token " + i + " is "
                        + fileTokens[i] + " in the file, " + textTokens[i] + " in the text");
            }
        }
    }

    private static ContextOptions contextOptions(PerplexityOptions o, int sequences) {
        int n = o.contextSize();
        return new ContextOptions(sequences * n, Math.min(o.batchSize(), sequences * n), o.ubatchSize(), sequences,
                o.threads(), o.flashAttention(), o.cacheType(), false);
    }

    private static void checkOptions(Model model, PerplexityOptions options) {
        int n = options.contextSize();
        if (n < 4) {
            throw LmscoreException.usage("context size must be at least 4, got " + n);
        }
        model.requireWithinTrainingContext(n);
        if (model.vocabulary().addsEos()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "model " + model.path().getFileName()
                    + " adds EOS to every text; llama-perplexity's chunked scoring is undefined for it");
        }
    }
}
