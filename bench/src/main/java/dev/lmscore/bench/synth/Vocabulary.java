package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgufArray;
import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufFormatException;
import dev.lmscore.engine.gguf.GgufReader;
import dev.lmscore.engine.gguf.GgufValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tokenizer taken from a GGUF file, usually one of llama.cpp's vocabulary-only files
 * ({@code ggml-vocab-gpt-2.gguf}): all its {@code tokenizer.*} metadata, which is everything
 * llama.cpp needs to build the tokenizer, and the number of tokens, which sets the size of the
 * embedding and output matrices.
 *
 * @param name          short name for file names: {@code gpt-2} for {@code ggml-vocab-gpt-2.gguf}
 * @param tokenizerKeys every {@code tokenizer.*} key of the file, in file order
 * @param size          number of tokens
 */
public record Vocabulary(String name, Map<String, GgufValue> tokenizerKeys, int size) {
    private static final String TOKENS = "tokenizer.ggml.tokens";

    public Vocabulary {
        tokenizerKeys = Collections.unmodifiableMap(new LinkedHashMap<>(tokenizerKeys)); // keeps file order
    }

    /**
     * Reads the tokenizer of {@code file}.
     *
     * @throws GgufFormatException if the file is not valid GGUF or has no token list
     */
    public static Vocabulary load(Path file) throws IOException {
        GgufFile gguf = GgufReader.read(file);
        GgufArray tokens = gguf.metadata().array(TOKENS)
                .orElseThrow(() -> new GgufFormatException(file.toString(), "no vocabulary: key '" + TOKENS + "' is missing"));
        return new Vocabulary(nameOf(file), gguf.metadata().withPrefix("tokenizer."), tokens.length());
    }

    /** {@code ggml-vocab-gpt-2.gguf} → {@code gpt-2}; other names lose only the extension. */
    static String nameOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gguf")) {
            name = name.substring(0, name.length() - ".gguf".length());
        }
        return name.startsWith("ggml-vocab-") ? name.substring("ggml-vocab-".length()) : name;
    }
}
