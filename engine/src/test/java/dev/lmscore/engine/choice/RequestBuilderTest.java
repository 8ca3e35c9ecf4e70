package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import dev.lmscore.engine.llama.Vocabulary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How requests become token sequences and scored ranges, on stories260K's SentencePiece vocabulary. */
class RequestBuilderTest {
    private static Model model;
    private static Vocabulary vocabulary;

    @BeforeAll
    static void load() {
        model = Model.load(TestData.stories260k(), ModelOptions.vocabularyOnly());
        vocabulary = model.vocabulary();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ChoiceItem item(String... contextsAndContinuations) {
        List<ChoiceRequest> choices = new java.util.ArrayList<>();
        for (int i = 0; i < contextsAndContinuations.length; i += 2) {
            choices.add(new ChoiceRequest(contextsAndContinuations[i], contextsAndContinuations[i + 1]));
        }
        return new ChoiceItem("t", choices, 0, List.of(0), null);
    }

    private static TokenizedItem harness(ChoiceItem item) {
        return new RequestBuilder(vocabulary, Tokenization.LM_EVAL, true).build(0, item);
    }

    @Test
    void sequenceIsBosThenTheWholeTextScoredAfterTheContextsOwnTokens() {
        TokenizedItem t = harness(item("Once upon a", " time", "Once upon a", " dog"));
        int[] context = vocabulary.tokenize("Once upon a", false, false);
        int[] whole = vocabulary.tokenize("Once upon a time", false, false);
        assertEquals(vocabulary.bos(), t.tokens()[0][0]);
        assertArrayEquals(whole, Arrays.copyOfRange(t.tokens()[0], 1, t.tokens()[0].length));
        assertEquals(1 + context.length, t.scoreFrom()[0]);
        assertEquals(1 + context.length, t.shared(), "the context is the shared prefix");
        assertEquals(t.shared() + (t.tokens()[0].length - 1 - t.shared()) + (t.tokens()[1].length - 1 - t.shared()),
                t.decodedTokens());
    }

    @Test
    void trailingWhitespaceOfTheContextMovesToTheContinuation() {
        ChoiceRequest moved = RequestBuilder.moveTrailingWhitespace(new ChoiceRequest("Answer: \u00a0 ", "Paris"));
        assertEquals(new ChoiceRequest("Answer:", " \u00a0 Paris"), moved);
        assertEquals(new ChoiceRequest("a", " b"), RequestBuilder.moveTrailingWhitespace(new ChoiceRequest("a", " b")));
        TokenizedItem spaced = harness(item("Once upon a ", "time"));
        TokenizedItem plain = harness(item("Once upon a", " time"));
        assertArrayEquals(plain.tokens()[0], spaced.tokens()[0]);
        assertEquals(plain.scoreFrom()[0], spaced.scoreFrom()[0]);
    }

    @Test
    void emptyContextIsBosAloneEvenWithoutBos() {
        TokenizedItem t = new RequestBuilder(vocabulary, Tokenization.LM_EVAL, false).build(0, item("", "Once upon a time"));
        assertEquals(vocabulary.bos(), t.tokens()[0][0]);
        assertEquals(1, t.scoreFrom()[0]);
        TokenizedItem noBos = new RequestBuilder(vocabulary, Tokenization.LM_EVAL, false).build(0, item("Once", " upon"));
        assertTrue(noBos.tokens()[0][0] != vocabulary.bos(), "--no-bos");
        assertEquals(vocabulary.tokenize("Once", false, false).length, noBos.scoreFrom()[0]);
    }

    @Test
    void aContinuationThatAddsNoTokensIsABadItem() {
        LmscoreException e = assertThrows(LmscoreException.class, () -> harness(item("Once upon a", "")));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("item t"), e.getMessage());
    }

    @Test
    void llamaCppScoresWhatFollowsTheCommonPrefixOfAllEndings() {
        // Both endings start with " the": llama-perplexity does not score the tokens they share.
        ChoiceItem item = item("The cat sat on", " the mat.", "The cat sat on", " the hat.");
        TokenizedItem t = new RequestBuilder(vocabulary, Tokenization.LLAMA_CPP, true).build(0, item);
        assertArrayEquals(vocabulary.tokenize("The cat sat on the mat.", true, false), t.tokens()[0]);
        int common = 0;
        while (t.tokens()[0][common] == t.tokens()[1][common]) {
            common++;
        }
        int contextEnd = 1 + vocabulary.tokenize("The cat sat on", false, false).length;
        assertTrue(common > contextEnd, "the shared ' the' is part of the common prefix");
        assertEquals(common, t.scoreFrom()[0]);
        assertEquals(common, t.scoreFrom()[1]);
        TokenizedItem h = harness(item);
        assertEquals(contextEnd, h.scoreFrom()[0], "the harness scores ' the' as well");
    }

    @Test
    void layoutScoresASharedRowOncePerDistinctTarget() {
        // Three choices continue the same context: the context's last row predicts each choice's
        // first token; " mat" twice, " hat" once: two pairs for that row, not three.
        ChoiceItem item = item("The cat sat on the", " mat", "The cat sat on the", " mat.", "The cat sat on the", " hat");
        TokenizedItem t = harness(item);
        GroupLayout layout = new GroupLayout();
        layout.build(List.of(t));
        int continuationTokens = 0;
        for (int i = 0; i < t.choices(); i++) {
            continuationTokens += t.continuationTokens(i);
        }
        assertEquals(t.decodedTokens(), layout.entries);
        assertTrue(layout.pairs < continuationTokens, layout.pairs + " pairs for " + continuationTokens + " tokens");
        long firstTargets = Arrays.stream(new int[] {0, 1, 2}).map(i -> t.tokens()[i][t.scoreFrom()[i]]).distinct().count();
        assertEquals(2, firstTargets, "' mat' and ' mat.' begin with the same token");
        int lastContextRow = layout.pairRow[0];
        assertEquals(firstTargets, Arrays.stream(layout.pairRow, 0, layout.pairs).filter(r -> r == lastContextRow).count());
    }
}
