package dev.lmscore.engine.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokenizing in line-aligned pieces, in parallel or only as far as needed, gives exactly the tokens
 * of one llama_tokenize call over the whole text, for every vocabulary kind at hand and for prose,
 * source code and llama.cpp's own tokenizer test strings.
 */
class LineSplitTokenizerTest {
    private static String wiki;
    private static String code;
    private static String tricky;

    @BeforeAll
    static void readTexts() throws IOException {
        wiki = Files.readString(TestData.data("eval/wikitext-2/wiki.test.raw"), StandardCharsets.UTF_8);
        // this project's own sources: indentation, braces, comments
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            code = files.filter(f -> f.toString().endsWith(".java")).sorted().map(LineSplitTokenizerTest::read)
                    .collect(Collectors.joining("\n"));
        }
        // llama.cpp's tokenizer test inputs (unicode, whitespace runs, digits, emoji), one per line, repeated
        String inputs = read(TestData.data("models/vocab/ggml-vocab-gpt-2.gguf.inp")).replace("\n__ggml_vocab_test__\n", "\n");
        tricky = (inputs + "\n").repeat(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "models/vocab/ggml-vocab-llama-spm.gguf", "models/vocab/ggml-vocab-gpt-2.gguf",
        "models/vocab/ggml-vocab-starcoder.gguf", "models/vocab/ggml-vocab-deepseek-llm.gguf",
        "models/stories260K.gguf", "models/llama-2-tiny-random.gguf"})
    void piecesGiveTheWholeTextsTokens(String name) {
        try (Model model = Model.load(TestData.data(name), ModelOptions.vocabularyOnly())) {
            Vocabulary vocabulary = model.vocabulary();
            assertNotEquals(LineCut.NONE, vocabulary.lineCut(), name + " should be split at line breaks");
            assertTrue(vocabulary.lineCut().next(wiki, wiki.length() / 2) < wiki.length() / 2 + 2000,
                    name + " finds cuts in WikiText");
            assertSameTokens(vocabulary, name + ", WikiText", wiki, true, 3);
            assertSameTokens(vocabulary, name + ", code", code, false, 2);
            assertSameTokens(vocabulary, name + ", tokenizer test strings", tricky, true, 4);
            int[] whole = vocabulary.tokenize(wiki, true, false);
            for (int needed : new int[] {5_000, whole.length / 3}) {
                TextTokens prefix = vocabulary.tokenizeText(wiki, true, needed, 2);
                assertTrue(prefix.tokens().length >= needed, "at least the tokens asked for");
                assertArrayEquals(Arrays.copyOf(whole, prefix.tokens().length), prefix.tokens(),
                        name + ", first " + needed + " tokens");
            }
        }
    }

    private static void assertSameTokens(Vocabulary vocabulary, String what, String text, boolean addSpecial, int threads) {
        TextTokens split = vocabulary.tokenizeText(text, addSpecial, 0, threads);
        assertTrue(split.wholeText());
        assertTrue(split.pieces() > 1, what + " was not split");
        assertArrayEquals(vocabulary.tokenize(text, addSpecial, false), split.tokens(), what);
    }

    @Test
    void stopsEarlyWhenAskedForTheFirstTokensOnly() {
        try (Model model = Model.load(TestData.data("models/stories260K.gguf"), ModelOptions.vocabularyOnly())) {
            Vocabulary vocabulary = model.vocabulary();
            int whole = vocabulary.tokenize(wiki, true, false).length;
            TextTokens prefix = vocabulary.tokenizeText(wiki, true, 20_000, 2);
            assertFalse(prefix.wholeText());
            assertTrue(prefix.tokens().length < whole / 10, prefix.tokens().length + " of " + whole);
        }
    }

    @Test
    void bpeCutsOnlyWhereAPreTokenEnds() {
        LineCut rule = LineCut.BEFORE_WORD_AFTER_LINE_BREAK;
        String text = "a \nb\n\nc\n  d\ne \n f";
        // allowed: "d\ne" and " \n f"; not: " \nb" (space before), "\n\n", "\n  d" (two spaces)
        assertEquals(text.indexOf("\ne") + 1, rule.next(text, 0));
        assertEquals(text.indexOf(" f"), rule.next(text, text.indexOf("\ne") + 2));
        assertEquals(text.length(), rule.next(text, text.indexOf(" f") + 1));
        assertEquals(text.indexOf("b"), LineCut.AFTER_LINE_BREAK.next(text, 0));
        assertEquals(text.length(), LineCut.NONE.next(text, 0));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
