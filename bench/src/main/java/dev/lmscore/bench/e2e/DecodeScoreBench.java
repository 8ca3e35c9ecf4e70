package dev.lmscore.bench.e2e;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import dev.lmscore.engine.kernel.KernelPool;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.EvalContext;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.llama.Vocabulary;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.perplexity.RowSink;
import dev.lmscore.engine.perplexity.Window;
import dev.lmscore.engine.perplexity.WindowDecoder;
import dev.lmscore.engine.perplexity.WindowPlan;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One batch of perplexity scoring end to end, as {@code lmscore perplexity} runs it: {@code sequences}
 * chunks of {@code ctx} tokens of WikiText-2 decoded side by side in one {@code llama_decode}
 * (llama-perplexity's chunk layout: BOS first, positions ctx/2 .. ctx-2 scored, only those asking
 * for logits), through the engine's {@code WindowDecoder}, then the output rows scored by
 * {@code KernelPool} on all cores. Model, context and tokens are set up once per trial; the KV cache
 * is cleared before each batch, as between chunk groups.
 *
 * <p>{@code decodeOnly} runs the same decode and reads one logit, so the difference between the
 * two is the kernel's share of the whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class DecodeScoreBench {
    /** A file in the shared {@code data/models/}: a 512-token vocabulary and a 32,000-token one. */
    @Param({"stories260K.gguf", "llama-2-tiny-random.gguf"})
    public String model;

    @Param("16")
    public int sequences;

    @Param("128")
    public int ctx;

    /** Enough WikiText-2 for 16 chunks of 128 tokens with any of the models' tokenizers. */
    private static final int TEXT_BYTES = 64 * 1024;

    private Model loaded;
    private EvalContext context;
    private KernelPool pool;
    private WindowDecoder decoder;
    private int[] tokens;
    private int bos;
    private List<Window> windows;
    private ScoringSink scoring;
    private long decodedPerBatch;
    private long scoredPerBatch;

    @Setup(Level.Trial)
    public void load() throws IOException {
        loaded = Model.load(SharedData.data("models/" + model), ModelOptions.defaults());
        Vocabulary vocabulary = loaded.vocabulary();
        tokens = vocabulary.tokenize(readText(), true, false);
        windows = WindowPlan.chunks(tokens.length, ctx, vocabulary.addsBos(), sequences);
        groups = new dev.lmscore.engine.perplexity.WindowGroups(windows.size(), sequences);
        if (windows.size() < sequences) {
            throw new IllegalStateException("text too short for " + sequences + " chunks of " + ctx + " tokens");
        }
        bos = vocabulary.bos();
        ContextOptions options = new ContextOptions(sequences * ctx, sequences * ctx, 512, sequences, 0,
                ContextOptions.FlashAttention.AUTO, ContextOptions.CacheType.F16, false);
        context = EvalContext.create(loaded, options);
        pool = new KernelPool(Runtime.getRuntime().availableProcessors());
        decoder = new WindowDecoder(context, sequences);
        scoring = new ScoringSink(pool, vocabulary.size(), context.batchSize());
        for (Window w : windows) {
            decodedPerBatch += w.length();
            scoredPerBatch += w.scoredTokens();
        }
    }

    private static String readText() throws IOException {
        try (InputStream in = Files.newInputStream(SharedData.data("eval/wikitext-2/wiki.test.raw"))) {
            byte[] bytes = in.readNBytes(TEXT_BYTES);
            // cut at the last newline so no UTF-8 sequence is split
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
    }

    /** The batch is one group: all its windows decoded side by side. */
    private static final java.util.List<Integer> ALL_GROUPS = java.util.List.of(0);
    private dev.lmscore.engine.perplexity.WindowGroups groups;

    @TearDown(Level.Trial)
    public void close() {
        decoder.close();
        pool.close();
        context.close();
        loaded.close();
    }

    /**
     * Decode of the batch and log p(target) of every scored row; returns the sum of the
     * log-probabilities. Score: batches per second; {@code decodedTokens}, {@code scoredTokens}: per second.
     */
    @Benchmark
    public double decodeAndScore(TokenCounters counters) {
        scoring.total = 0;
        decoder.run(tokens, bos, windows, groups, ALL_GROUPS, scoring, Progress.NONE);
        counters.decodedTokens += decodedPerBatch;
        counters.scoredTokens += scoredPerBatch;
        return scoring.total;
    }

    /** The same decode without the kernel: one logit of each output is read (and returned, summed). */
    @Benchmark
    public double decodeOnly(TokenCounters counters) {
        double[] touched = new double[1];
        RowSink sink = (logits, rows, rowWindow, rowTarget) -> touched[0] += logits.get(JAVA_FLOAT, 0);
        decoder.run(tokens, bos, windows, groups, ALL_GROUPS, sink, Progress.NONE);
        counters.decodedTokens += decodedPerBatch;
        counters.scoredTokens += scoredPerBatch;
        return touched[0];
    }

    /** Scores each decode's rows with the engine's pool and adds up the log-probabilities. */
    private static final class ScoringSink implements RowSink {
        private final KernelPool pool;
        private final int vocab;
        private final double[] logProbs;
        double total;

        ScoringSink(KernelPool pool, int vocab, int maxRows) {
            this.pool = pool;
            this.vocab = vocab;
            this.logProbs = new double[maxRows];
        }

        @Override
        public void accept(MemorySegment logits, int rows, int[] rowWindow, int[] rowTarget) {
            pool.score(logits, rows, vocab, rowTarget, logProbs, null);
            for (int r = 0; r < rows; r++) {
                total += logProbs[r];
            }
        }
    }
}
