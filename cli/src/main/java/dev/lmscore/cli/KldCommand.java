package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.kernel.KernelWarmup;
import dev.lmscore.engine.kld.BaseSaveResult;
import dev.lmscore.engine.kld.KlDivergence;
import dev.lmscore.engine.kld.KldResult;
import dev.lmscore.engine.llama.Interruption;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.perplexity.PerplexityOptions;
import dev.lmscore.engine.text.TextInput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lmscore kld}: KL divergence of a model (e.g. a quantization) from a base model, as llama-perplexity --kl-divergence. */
@Command(name = "kld", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"KL divergence of a model from a base model over llama-perplexity's chunks, with its statistics:",
                "  lmscore kld --base BASE.gguf -m QUANT.gguf -f TEXT        both models in lockstep, no file",
                "  lmscore kld --save-base FILE -m BASE.gguf -f TEXT         write llama.cpp's base-logits file",
                "  lmscore kld --base-file FILE -m QUANT.gguf [-f TEXT]      compare with such a file (llama.cpp's or ours)",
                "The base's log-probs are quantized to 16 bits as llama.cpp stores them, also in lockstep mode,",
                "so the numbers are llama-perplexity's; they are also clamped at max − 16, which makes PPL(base)",
                "lower than the base's true perplexity when the text has very unlikely tokens."})
final class KldCommand implements Callable<Integer> {
    @Mixin ModelMixin model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BaseSource base;

    static final class BaseSource {
        @Option(names = "--base", paramLabel = "FILE", description = "Base GGUF model, run alongside.")
        Path model;

        @Option(names = "--base-file", paramLabel = "FILE", description = "Base-logits file (llama-perplexity --kl-divergence-base).")
        Path file;

        @Option(names = "--save-base", paramLabel = "FILE", description = "Write the -m model's base-logits file.")
        Path save;
    }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "UTF-8 text (required except with --base-file, whose tokens are used; given there, it is checked).")
    Path text;

    @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", defaultValue = "512",
            description = "Tokens per chunk (with --base-file: the file's). Default: ${DEFAULT-VALUE}.")
    int contextSize;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "0", description = "Compare at most N chunks (0: all).")
    int maxChunks;

    @Mixin RuntimeMixin runtime;

    @Override
    public Integer call() {
        runtime.validate();
        if (contextSize < 4) throw LmscoreException.usage("--ctx-size must be at least 4, got " + contextSize);
        if (maxChunks < 0) throw LmscoreException.usage("--chunks must be 0 or more, got " + maxChunks);
        if (text == null && base.file == null) {
            throw LmscoreException.usage("-f/--file is required with " + (base.model != null ? "--base" : "--save-base"));
        }
        PerplexityOptions options = new PerplexityOptions(PerplexityOptions.Mode.CHUNKED, contextSize, runtime.batchSize,
                runtime.ubatchSize, runtime.threads, maxChunks, 0, runtime.effectiveFlashAttention(),
                runtime.effectiveCacheType(), false);
        String content = text == null ? null : TextInput.read(text);
        Signals.stopGracefullyOnInterrupt();
        ProgressReporter progress = new ProgressReporter(text == null ? base.file.getFileName().toString()
                : text.getFileName().toString(), "chunks", runtime.quiet);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "kld");
        try (Model loaded = model.load(KernelWarmup.Scoring.DISTRIBUTIONS)) {
            report.put("model", ModelReport.describe(loaded));
            if (base.save != null) {
                BaseSaveResult saved = KlDivergence.saveBase(loaded, content, base.save, options, progress);
                progress.finish();
                report.put("base_file", saved.file().toString());
                report.put("chunks", saved.chunks());
                report.put("context_size", saved.contextSize());
                report.put("bytes", saved.bytes());
                report.put("ppl", saved.nll().perplexity());
                print(report, String.format("wrote %s: %d chunks of %d tokens, %d bytes; base PPL = %.4f +/- %.5f%n",
                        saved.file(), saved.chunks(), saved.contextSize(), saved.bytes(), saved.nll().perplexity(),
                        saved.nll().perplexityError()));
                return 0;
            }
            KldResult result;
            if (base.file != null) {
                result = KlDivergence.fromFile(loaded, base.file, content, options, progress);
                report.put("base_file", base.file.toString());
            } else {
                try (Model baseModel = Model.load(base.model, ModelOptions.defaults().withGpuLayers(model.gpuLayers))) {
                    report.put("base", ModelReport.describe(baseModel));
                    result = KlDivergence.streaming(baseModel, loaded, content, options, progress);
                }
            }
            progress.finish();
            report.putAll(KldReport.toMap(result));
            print(report, KldReport.toText(result));
        } finally {
            progress.finish();
        }
        if (Interruption.requested()) {
            System.err.println("lmscore: interrupted; the statistics cover the chunks compared before the stop");
            return ExitCode.INTERRUPTED.code;
        }
        return 0;
    }

    private void print(Map<String, Object> report, String text) {
        System.out.print(runtime.json ? Json.write(report) + System.lineSeparator() : text);
        System.out.flush();
    }
}
