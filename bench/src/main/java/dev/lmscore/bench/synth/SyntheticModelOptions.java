package dev.lmscore.bench.synth;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of {@link SyntheticModelMain}, parsed.
 *
 * @param shape      --shape: tiny, 135m, 1b or 8b
 * @param format     --type: f32, f16 or q8_0 (default q8_0)
 * @param vocabulary --vocab: a GGUF file to take the tokenizer from
 * @param out        --out: the file to write; default: the cache
 * @param seed       --seed (default {@value SyntheticModelSpec#DEFAULT_SEED})
 * @param force      --force: generate even if a matching file exists
 */
record SyntheticModelOptions(ModelShape shape, WeightFormat format, Path vocabulary, Optional<Path> out, long seed, boolean force) {

    static final String USAGE = """
            usage: SyntheticModelMain --shape SHAPE --vocab VOCAB.gguf [--type TYPE] [--out FILE] [--seed N] [--force]
              --shape   model size: %s
              --type    weight type: f32, f16, q8_0 (default q8_0)
              --vocab   GGUF file whose tokenizer.* keys the model takes, e.g. ggml-vocab-gpt-2.gguf
              --out     file to write (default: <lmscore cache>/models/synthetic-SHAPE-VOCAB-TYPE.gguf)
              --seed    random seed (default %d); the same arguments always give the same file
              --force   generate even if a matching file exists
            Prints the path of the model; an existing complete file made from the same arguments is reused.
            """.formatted(ModelShape.ids(), SyntheticModelSpec.DEFAULT_SEED);

    /** Thrown for a command line that cannot be used; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for --help. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super("help");
        }
    }

    static SyntheticModelOptions parse(String... args) throws UsageException, HelpRequested {
        ModelShape shape = null;
        WeightFormat format = WeightFormat.Q8_0;
        Path vocabulary = null;
        Path out = null;
        long seed = SyntheticModelSpec.DEFAULT_SEED;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            try {
                switch (arg) {
                    case "-h", "--help" -> throw new HelpRequested();
                    case "--force" -> force = true;
                    case "--shape", "--type", "--vocab", "--out", "--seed" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (arg) {
                            case "--shape" -> shape = ModelShape.fromId(value);
                            case "--type" -> format = WeightFormat.fromId(value);
                            case "--vocab" -> vocabulary = Path.of(value);
                            case "--out" -> out = Path.of(value);
                            default -> seed = Long.parseUnsignedLong(value);
                        }
                    }
                    default -> throw new UsageException("unknown argument '" + args[i] + "'");
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--seed needs a non-negative integer, not '" + value + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (shape == null) {
            throw new UsageException("--shape is required (" + ModelShape.ids() + ")");
        }
        if (vocabulary == null) {
            throw new UsageException("--vocab is required (a GGUF file with a tokenizer, e.g. ggml-vocab-gpt-2.gguf)");
        }
        return new SyntheticModelOptions(shape, format, vocabulary, Optional.ofNullable(out), seed, force);
    }
}
