package dev.lmscore.engine;

import dev.lmscore.engine.llama.LlamaRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Locations of the shared test data and of llama.cpp's own tools, built by native/ from the same source. */
public final class TestData {
    private TestData() {}

    public static Path shared() {
        String dir = System.getProperty("lmscore.shared.dir");
        return Path.of(dir != null ? dir : "../shared").toAbsolutePath().normalize();
    }

    public static Path data(String relative) {
        Path p = shared().resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p);
        }
        return p;
    }

    public static Path stories260k() {
        return data("models/stories260K.gguf");
    }

    public static Path wikiTest() {
        return data("eval/wikitext-2/wiki.test.raw");
    }

    /** The llama-perplexity binary that belongs to the loaded libraries. */
    public static Path llamaPerplexity() {
        Path bin = LlamaRuntime.libraryDirectory().getParent().resolve("bin").resolve("llama-perplexity");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("llama-perplexity not found at " + bin + "; run native/build.sh");
        }
        return bin;
    }

    /** Runs llama-perplexity with the arguments and returns its combined output. */
    public static String runLlamaPerplexity(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(llamaPerplexity().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("llama-perplexity failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Runs llama-perplexity until its output holds {@code lastLine}, at most three times.
     * llama-perplexity 0.5.0 logs through an asynchronous worker that it never flushes at exit, so
     * when that thread gets no core in the process's last moments its final lines are lost: the
     * run was fine, its printout is cut.
     */
    public static String runLlamaPerplexityUntil(String lastLine, String... args) throws IOException, InterruptedException {
        String out = "";
        for (int attempt = 0; attempt < 3 && !out.contains(lastLine); attempt++) {
            out = runLlamaPerplexity(args);
        }
        return out;
    }

    /** PPL and its error from llama-perplexity's "Final estimate: PPL = X +/- Y" line. */
    public static double[] finalEstimate(String output) {
        Matcher m = Pattern.compile("Final estimate: PPL = ([0-9.]+) \\+/- ([0-9.]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no final estimate in llama-perplexity output:\n" + output);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
