package dev.lmscore.bench.synth;


import dev.lmscore.bindings.LlamaLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs llama.cpp's own {@code llama-perplexity} from the build cache of {@code native/build.sh}
 * ({@code <lmscore cache>/llama.cpp/VERSION/cpu/bin}) on a model, as an independent check that
 * llama.cpp loads and evaluates it.
 */
final class LlamaPerplexity {
    private static final Pattern FINAL = Pattern.compile("Final estimate: PPL = (\\S+)");

    private LlamaPerplexity() {}

    static Path binary() {
        return LlamaLibrary.cacheRoot().resolve("llama.cpp").resolve(LlamaLibrary.LLAMA_VERSION)
                .resolve("cpu").resolve("bin").resolve("llama-perplexity");
    }

    /** Skips the calling test when llama.cpp has not been built. */
    static Path requireBinary() {
        Path binary = binary();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("llama.cpp not built (" + binary + " missing): run native/build.sh");
        }
        return binary;
    }

    /** What a run gave: its exit status, its output (stdout and stderr) and the final perplexity, NaN if none was printed. */
    record Result(int exitCode, String output, double perplexity) {}

    /** Runs on {@code model} over {@code text}; the output goes to {@code log} (so a hung process cannot block the reader). */
    static Result run(Path model, Path text, Path log, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(requireBinary().toString(), "-m", model.toString(), "-f", text.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("llama-perplexity did not finish in 5 minutes; output in " + log);
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8); // lenient: token pieces may be partial UTF-8
        Matcher m = FINAL.matcher(output);
        double ppl = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        return new Result(process.exitValue(), output, ppl);
    }
}
