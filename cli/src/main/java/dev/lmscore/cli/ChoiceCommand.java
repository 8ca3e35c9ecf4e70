package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.BuiltinTaskLoader;
import dev.lmscore.engine.choice.ChoiceOptions;
import dev.lmscore.engine.choice.ChoiceRun;
import dev.lmscore.engine.choice.ChoiceScorer;
import dev.lmscore.engine.choice.ChoiceScores;
import dev.lmscore.engine.choice.ChoiceSelection;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ItemResult;
import dev.lmscore.engine.choice.LoadOptions;
import dev.lmscore.engine.choice.ScoringKind;
import dev.lmscore.engine.choice.Tokenization;
import dev.lmscore.engine.history.RunRecorder;
import dev.lmscore.engine.kernel.KernelWarmup;
import dev.lmscore.engine.llama.ContextOptions;
import dev.lmscore.engine.llama.Model;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lmscore choice}: accuracy of a model on a multiple-choice (or greedy-continuation) task. */
@Command(name = "choice", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log-likelihood scoring of multiple-choice tasks: acc, acc_norm and llama.cpp's per-token score.",
                "Task 'hellaswag-llamacpp' reproduces llama-perplexity --hellaswag task by task."})
final class ChoiceCommand implements Callable<Integer> {
    @Mixin ModelMixin model;

    @Option(names = "--task", paramLabel = "NAME",
            description = "Task name: hellaswag-llamacpp (llama-perplexity --hellaswag), hellaswag, arc_easy, "
                    + "arc_challenge, mmlu, winogrande, piqa, boolq, copa, openbookqa, siqa, commonsense_qa, "
                    + "truthfulqa_mc1, truthfulqa_mc2, lambada, llamacpp_mc, or a user task file's name. "
                    + "Default: inferred from the file.")
    String taskName;

    @Option(names = "--num-fewshot", paramLabel = "K", defaultValue = "0",
            description = "Few-shot examples before each item, chosen deterministically (seeded) from the "
                    + "task's dev/train split, never the item itself. Default: ${DEFAULT-VALUE}.")
    int numFewshot;

    @Option(names = "--fewshot-file", paramLabel = "FILE", description = "Where to draw few-shot examples from.")
    Path fewshotFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1234", description = "Few-shot selection seed.")
    long seed;

    @Option(names = "--skip-bad-lines", description = "Skip malformed items and count them instead of stopping.")
    boolean skipBadLines;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The task's data file.")
    Path file;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Score the first N items (hellaswag-llamacpp: llama-perplexity's first N picks; 0: all).")
    int limit;

    @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", defaultValue = "2048",
            description = "KV cells per decode group: items are packed into groups of at most N tokens (shared "
                    + "prefixes once); an item needing more is an error, or skipped with --skip-long. Default: ${DEFAULT-VALUE}.")
    int contextSize;

    @Option(names = {"-np", "--parallel"}, paramLabel = "N", defaultValue = "256",
            description = "Sequences per decode group, one per choice (llama.cpp allows 256). Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--no-bos", description = "Do not prepend BOS (an empty context still gets it).")
    boolean noBos;

    @Option(names = "--skip-long", description = "Skip and count items that do not fit the context instead of failing.")
    boolean skipLong;

    @Option(names = "--mutual-info",
            description = "Also score each choice after an empty context and report acc_mutual_info: the choice "
                    + "maximising ll(choice | context) - ll(choice), as lm-evaluation-harness (multiple-choice tasks).")
    boolean mutualInfo;

    @Option(names = "--items", paramLabel = "FILE",
            description = "Write one JSON line per item (log-likelihoods, token counts, greedy flags, prediction, gold).")
    Path itemsFile;

    @Mixin RuntimeMixin runtime;

    @Mixin RunControlMixin control;

    @Mixin HistoryMixin history;

    @Override
    public Integer call() {
        runtime.validate();
        control.validate();
        if (limit < 0) throw LmscoreException.usage("--limit must be 0 or more, got " + limit);
        if (contextSize < 2) throw LmscoreException.usage("--ctx-size must be at least 2, got " + contextSize);
        if (parallel < 1 || parallel > ChoiceOptions.MAX_SEQUENCES) {
            throw LmscoreException.usage("--parallel must be between 1 and " + ChoiceOptions.MAX_SEQUENCES + ", got " + parallel);
        }
        if (numFewshot < 0) throw LmscoreException.usage("--num-fewshot must be 0 or more, got " + numFewshot);
        ChoiceOptions options = new ChoiceOptions(contextSize, runtime.batchSize, runtime.ubatchSize, parallel,
                runtime.threads, runtime.effectiveFlashAttention(), runtime.effectiveCacheType(), !noBos,
                Tokenization.forTask(taskName == null ? "" : taskName), skipLong);

        // Read the task before loading the model: a bad file should not cost a model load.
        LoadOptions loadOptions = new LoadOptions(numFewshot, seed, skipBadLines, LoadOptions.defaults().split(), fewshotFile);
        ChoiceTask task = new BuiltinTaskLoader(loadOptions).load(taskName, file, limit);
        if (task.loadReport().skipped() > 0 && !runtime.quiet) {
            System.err.println("lmscore: skipped " + task.loadReport().skipped() + " bad item(s) of " + file
                    + "; first: " + task.loadReport().firstMessages().getFirst());
        }
        if (mutualInfo && task.kind() != ScoringKind.MULTIPLE_CHOICE) {
            throw LmscoreException.usage("--mutual-info needs a multiple-choice task; " + task.name() + " is scored as "
                    + task.kind().name().toLowerCase().replace('_', ' '));
        }
        if (mutualInfo && !control.shard.isWhole()) {
            throw LmscoreException.usage("--mutual-info cannot be sharded yet: run it whole (--checkpoint/--resume work)");
        }
        if (itemsFile != null) OutputFile.checkWritable(itemsFile);
        boolean reportJson = runtime.json || control.output != null;
        Map<String, Object> identity = reportJson || control.checkpoint != null
                ? RunIdentity.of("choice", model.model, dataFiles(), numericSettings(options, task)) : null;
        Signals.stopGracefullyOnInterrupt();
        ChoiceRun run;
        try (Model loaded = model.load(KernelWarmup.Scoring.SHARED_ROWS);
             Checkpoint checkpoint = control.openCheckpoint(identity)) {
            // The unconditional run goes first so that each item's line in --items can carry its MI
            // score; it is cheap (choices alone) and simply recomputed on --resume.
            ChoiceRun unconditional = mutualInfo
                    ? score(loaded, task.unconditional(), options, ChoiceSelection.all(r -> { })) : null;
            if (unconditional != null && unconditional.interrupted()) {
                return control.interrupted("items");
            }
            try (ItemsWriter items = ItemsWriter.open(itemsFile, task, unconditional)) {
                List<ItemResult> recovered = ChoiceCheckpoint.recovered(checkpoint, task);
                recovered.forEach(items::write); // a resumed run's items file starts with what the checkpoint holds
                ChoiceSelection selection = new ChoiceSelection(control.shard.index(), control.shard.count(), recovered,
                        result -> {
                            if (checkpoint != null) ChoiceCheckpoint.append(checkpoint, result);
                            items.write(result);
                        });
                run = score(loaded, task, options, selection);
            }
            ChoiceScores scores = ChoiceReport.scores(task, run, unconditional);
            // a shard's or a stopped run's accuracy is not the task's: only whole runs go into the history
            if (history.record && !run.interrupted() && control.shard.isWhole()) {
                RunRecorder.record(history.location(), "choice:" + task.name(), model.model, file,
                        Json.write(settings(options)), ChoiceReport.history(scores));
            }
            if (reportJson) {
                Map<String, Object> report = ReportOutput.header("choice", ModelReport.describe(loaded),
                        settings(options), identity, control);
                report.put("interrupted", run.interrupted());
                report.putAll(ChoiceReport.results(task, task.items().size(), file, run, unconditional));
                ReportOutput.emit(report, runtime.json, control, System.out);
            }
            if (!runtime.json) {
                System.out.print(ChoiceReport.toText(task, file, run, scores));
            }
            System.out.flush();
        }
        if (run.interrupted()) {
            return control.interrupted("items");
        }
        return 0;
    }

    private ChoiceRun score(Model loaded, ChoiceTask task, ChoiceOptions options, ChoiceSelection selection) {
        ProgressReporter progress = new ProgressReporter(task.name(), "items", runtime.quiet);
        try {
            return ChoiceScorer.run(loaded, task, options, selection, progress);
        } finally {
            progress.finish();
        }
    }

    /** The files whose contents decide the items: the task's, and the few-shot examples' if given apart. */
    private List<Path> dataFiles() {
        return fewshotFile == null ? List.of(file) : List.of(file, fewshotFile);
    }

    /**
     * The settings that change a number (the run's identity): the report's settings without the
     * threads (shards may run on machines of any size), with what decides the items and the backend.
     */
    private Map<String, Object> numericSettings(ChoiceOptions o, ChoiceTask task) {
        Map<String, Object> s = settings(o);
        s.remove("threads");
        s.put("task", task.name());
        s.put("num_fewshot", numFewshot);
        s.put("seed", seed);
        s.put("skip_bad_lines", skipBadLines);
        s.put("backend", dev.lmscore.bindings.LlamaLibrary.requestedBackend());
        return s;
    }

    private Map<String, Object> settings(ChoiceOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("context_size", o.contextSize());
        s.put("batch_size", o.batchSize());
        s.put("ubatch_size", o.ubatchSize());
        s.put("parallel", o.maxSequences());
        s.put("threads", ContextOptions.effectiveThreads(o.threads()));
        s.put("flash_attention", o.flashAttention().name().toLowerCase());
        s.put("cache_type", o.cacheType().name().toLowerCase());
        s.put("bos", o.addBos());
        s.put("tokenization", o.tokenization().name().toLowerCase());
        s.put("skip_long", o.skipTooLong());
        s.put("limit", limit);
        s.put("mutual_info", mutualInfo);
        s.put("gpu_layers", model.gpuLayers);
        return s;
    }
}
