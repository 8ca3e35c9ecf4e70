package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgufFormatException;
import dev.lmscore.engine.gguf.GgufWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line: generates a synthetic llama model (or finds it already generated) and prints its
 * path on standard output; progress goes to standard error. See {@link SyntheticModelOptions#USAGE}.
 *
 * <pre>
 * SyntheticModelMain --shape 135m --type q8_0 --vocab ../shared/data/models/vocab/ggml-vocab-gpt-2.gguf
 * </pre>
 */
public final class SyntheticModelMain {
    private SyntheticModelMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 done, 1 failed, 2 bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SyntheticModelOptions options;
        try {
            options = SyntheticModelOptions.parse(args);
        } catch (SyntheticModelOptions.HelpRequested e) {
            out.print(SyntheticModelOptions.USAGE);
            return 0;
        } catch (SyntheticModelOptions.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(SyntheticModelOptions.USAGE);
            return 2;
        }
        try {
            Vocabulary vocabulary = Vocabulary.load(options.vocabulary());
            SyntheticModelSpec spec = new SyntheticModelSpec(options.shape(), options.format(), vocabulary, options.seed());
            Path target = options.out().orElseGet(() -> SyntheticModelCache.defaultDirectory().resolve(spec.fileName()));
            if (options.force()) {
                Files.deleteIfExists(target);
            }
            long start = System.nanoTime();
            err.printf(Locale.ROOT, "%s: %,d parameters, %d-token vocabulary '%s', %s%n",
                    spec.modelName(), spec.parameterCount(), vocabulary.size(), vocabulary.name(), spec.format().id());
            SyntheticModelCache.Obtained model = SyntheticModelCache.obtain(spec, target, progressPrinter(err));
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, model.generated() ? "wrote %,d bytes in %.1f s%n" : "reusing the existing file (%,d bytes)%n",
                    model.size(), seconds);
            out.println(model.path());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return 1;
        } catch (GgufFormatException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Prints a line each time another tenth of the data is written. */
    private static GgufWriter.Listener progressPrinter(PrintStream err) {
        int[] lastTenth = {0};
        return (tensor, done, total) -> {
            int tenth = total == 0 ? 10 : (int) (done * 10 / total);
            if (tenth > lastTenth[0] && tenth < 10) {
                lastTenth[0] = tenth;
                err.printf(Locale.ROOT, "  %d%% (%,d MB)%n", tenth * 10, done >> 20);
            }
        };
    }
}
