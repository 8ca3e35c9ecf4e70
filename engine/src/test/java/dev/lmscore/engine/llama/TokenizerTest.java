package dev.lmscore.engine.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokenization through llama.cpp reproduces llama.cpp's own tokenizer test pairs (tests/test-tokenizer-0). */
class TokenizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"llama-spm", "gpt-2", "starcoder", "deepseek-llm"})
    void matchesLlamaCppTestPairs(String vocab) throws IOException {
        Path model = TestData.data("models/vocab/ggml-vocab-" + vocab + ".gguf");
        List<String> inputs = readInputs(Path.of(model + ".inp"));
        List<String> expected = Files.readAllLines(Path.of(model + ".out"), StandardCharsets.UTF_8);
        assertEquals(expected.size(), inputs.size(), "pairs in " + model);
        assertTrue(inputs.size() > 10);
        try (Model m = Model.load(model, ModelOptions.vocabularyOnly())) {
            for (int i = 0; i < inputs.size(); i++) {
                int[] want = parseIds(expected.get(i));
                int[] got = m.vocabulary().tokenize(inputs.get(i), false, false);
                assertArrayEquals(want, got, vocab + " pair " + i + ": '" + inputs.get(i) + "'");
            }
        }
    }

    /** Inputs are separated by a line "__ggml_vocab_test__", as test-tokenizer-0.cpp splits them. */
    private static List<String> readInputs(Path file) throws IOException {
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        String sep = "\n__ggml_vocab_test__\n";
        List<String> result = new ArrayList<>();
        int pos = 0;
        while (pos < raw.length()) {
            int next = raw.indexOf(sep, pos);
            if (next < 0) {
                result.add(raw.substring(pos));
                break;
            }
            result.add(raw.substring(pos, next));
            pos = next + sep.length();
        }
        return result;
    }

    private static int[] parseIds(String line) {
        String s = line.strip();
        return s.isEmpty() ? new int[0] : Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
