package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.kernel.KernelWarmup;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.Interruption;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.perplexity.Perplexity;
import dev.lmscore.engine.perplexity.PerplexityOptions.Mode;
import dev.lmscore.engine.perplexity.PerplexityOptions;
import dev.lmscore.engine.perplexity.PerplexityResult;
import dev.lmscore.engine.perplexity.RunSelection;
import dev.lmscore.engine.perplexity.WindowScore;
import dev.lmscore.engine.text.Text;
import dev.lmscore.engine.text.TextInput;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lmscore perplexity}: perplexity and bits per byte of a model on one or more text files. */
@Command(name = "perplexity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Perplexity of a model on text files, one result per file.",
                "Mode 'chunked' is llama-perplexity's definition (same numbers); 'rolling' scores every token."})
final class PerplexityCommand implements Callable<Integer> {
    @Mixin ModelMixin model;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "UTF-8 text file (repeatable: e.g. an encyclopedia, a logic and a code set).")
    List<Path> files;

    @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", defaultValue = "512",
            description = "Tokens per chunk/window. Default: ${DEFAULT-VALUE}.")
    int contextSize;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "chunked",
            description = "chunked (llama-perplexity) or rolling (every token, lm-evaluation-harness). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--stride", paramLabel = "N", defaultValue = "0",
            description = "rolling: tokens predicted per window (0: the context size, disjoint windows).")
    int stride;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "0",
            description = "Score at most N chunks/windows per file (0: all).")
    int maxChunks;

    @Option(names = "--pipeline", negatable = true, paramLabel = "BOOL",
            description = "Score batch i on a scorer thread while batch i+1 decodes (same numbers). "
                    + "Default: on when layers are offloaded to a GPU, off on the CPU, where decoding already uses every core.")
    Boolean pipeline;

    @Mixin RuntimeMixin runtime;

    @Mixin RunControlMixin control;

    @Mixin HistoryMixin history;

    @Override
    public Integer call() {
        runtime.validate();
        control.validate();
        if (contextSize < 4) throw LmscoreException.usage("--ctx-size must be at least 4, got " + contextSize);
        if (maxChunks < 0) throw LmscoreException.usage("--chunks must be 0 or more, got " + maxChunks);
        if (stride < 0 || stride > contextSize) {
            throw LmscoreException.usage("--stride must be between 0 and --ctx-size (" + contextSize + "), got " + stride);
        }
        PerplexityOptions options = new PerplexityOptions(mode, contextSize, runtime.batchSize, runtime.ubatchSize,
                runtime.threads, maxChunks, stride, runtime.effectiveFlashAttention(), runtime.effectiveCacheType(),
                pipeline != null ? pipeline : model.gpuLayers != 0);

        // Read every file before loading the model: a typo in the third file should not cost a model load.
        List<Text> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(TextInput.readText(file));
        }
        boolean reportJson = runtime.json || control.output != null;
        Map<String, Object> identity = reportJson || control.checkpoint != null
                ? RunIdentity.of("perplexity", model.model, files, numericSettings(options)) : null;
        Signals.stopGracefullyOnInterrupt();
        PrintStream out = System.out;
        List<Map<String, Object>> results = new ArrayList<>();
        try (Model loaded = model.load(KernelWarmup.Scoring.ROWS);
             Checkpoint checkpoint = control.openCheckpoint(identity)) {
            List<List<WindowScore>> recovered = PerplexityCheckpoint.recovered(checkpoint, files.size());
            Map<String, Object> report = ReportOutput.header("perplexity", ModelReport.describe(loaded), settings(options),
                    identity, control);
            report.put("results", results);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                int fileIndex = i;
                RunSelection selection = new RunSelection(control.shard.index(), control.shard.count(), recovered.get(i),
                        checkpoint == null ? scores -> { } : scores -> PerplexityCheckpoint.append(checkpoint, fileIndex, scores));
                ProgressReporter progress = new ProgressReporter(file.getFileName().toString(), "chunks", runtime.quiet);
                PerplexityResult result;
                try {
                    result = Perplexity.run(loaded, texts.get(i), options, selection, progress);
                } catch (LmscoreException e) {
                    progress.finish();
                    // what was computed for earlier files is still reported
                    if (reportJson && !results.isEmpty()) ReportOutput.emit(report, runtime.json, control, out);
                    throw new LmscoreException(e.exitCode(), file + ": " + e.getMessage(), e);
                }
                progress.finish();
                results.add(PerplexityReport.toMap(file, result));
                if (history.record && !result.interrupted()) {
                    PerplexityHistory.record(history.location(), model.model, file, settings(options), result);
                }
                if (!runtime.json) {
                    out.print(PerplexityReport.toText(file, result));
                    out.flush();
                }
                if (result.interrupted()) {
                    report.put("interrupted", true);
                    break;
                }
            }
            if (reportJson) {
                ReportOutput.emit(report, runtime.json, control, out);
            }
        }
        if (Interruption.requested()) {
            return control.interrupted("chunks");
        }
        return 0;
    }

    /**
     * The settings that change a number: not threads (shards may run on machines of any size) and
     * not the pipeline (it gives the same bits).
     */
    private Map<String, Object> numericSettings(PerplexityOptions o) {
        Map<String, Object> s = settings(o);
        s.remove("threads");
        s.remove("pipelined");
        return s;
    }

    private Map<String, Object> settings(PerplexityOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mode", o.mode().name().toLowerCase());
        s.put("context_size", o.contextSize());
        s.put("batch_size", o.batchSize());
        s.put("ubatch_size", o.ubatchSize());
        s.put("threads", ContextOptions.effectiveThreads(o.threads()));
        s.put("stride", o.mode() == Mode.ROLLING ? o.effectiveStride() : null);
        s.put("max_chunks", o.maxWindows());
        s.put("flash_attention", o.flashAttention().name().toLowerCase());
        s.put("cache_type", o.cacheType().name().toLowerCase());
        s.put("gpu_layers", model.gpuLayers);
        s.put("pipelined", o.pipelined());
        s.put("backend", dev.lmscore.bindings.LlamaLibrary.requestedBackend());
        return s;
    }

    /** Perplexity's unit records in a {@link Checkpoint}: one window group of one file. */
    static final class PerplexityCheckpoint {
        private PerplexityCheckpoint() {}

        static void append(Checkpoint checkpoint, int file, List<WindowScore> group) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("file", file);
            record.put("chunk_scores", PerplexityReport.chunkScores(group));
            checkpoint.append(record);
        }

        static List<List<WindowScore>> recovered(Checkpoint checkpoint, int files) {
            List<List<WindowScore>> perFile = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                perFile.add(new ArrayList<>());
            }
            if (checkpoint != null) {
                for (JsonNode record : checkpoint.recovered()) {
                    int file = record.path("file").asInt(-1);
                    if (file < 0 || file >= files) {
                        throw LmscoreException.badInput("checkpoint record names file " + file + " of " + files);
                    }
                    perFile.get(file).addAll(PerplexityReport.parseChunkScores(record.get("chunk_scores"), "checkpoint record"));
                }
            }
            return perFile;
        }
    }
}
