package dev.lmscore.engine.llama;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelLifecycleTest {

    @Test
    void readsModelFactsFromLlamaCpp() {
        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            assertEquals(512, model.vocabulary().size());
            assertEquals("spm", model.vocabulary().type());
            assertEquals(2048, model.trainingContext());
            assertEquals(5, model.layers());
            assertEquals(64, model.embeddingSize());
            assertEquals("llama", model.metadata().get("general.architecture"));
            assertTrue(model.vocabulary().addsBos());
        }
    }

    /** The command line links these on a background thread; every symbol must be in the library, or that thread would fail silently. */
    @Test
    void linksEveryScoringDowncallAhead() {
        assertDoesNotThrow(LlamaRuntime::linkScoringCalls);
        assertDoesNotThrow(LlamaRuntime::linkScoringCalls, "twice is harmless");
    }

    @Test
    void repeatedOpenScoreCloseCyclesWork() {
        for (int i = 0; i < 30; i++) {
            try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults());
                 EvalContext context = EvalContext.create(model, ContextOptions.of(64, 64, 1));
                 TokenBatch batch = new TokenBatch(64, 1)) {
                int[] tokens = model.vocabulary().tokenize("Once upon a time there was a cat.", true, false);
                for (int p = 0; p < tokens.length; p++) {
                    batch.add(tokens[p], p, 0, p == tokens.length - 1);
                }
                context.decode(batch);
                assertTrue(Float.isFinite(context.logits(1).getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0)));
            }
        }
    }

    @Test
    void closedModelFailsClearly() {
        Model model = Model.load(TestData.stories260k(), ModelOptions.defaults());
        model.close();
        model.close(); // idempotent
        assertThrows(IllegalStateException.class, model::trainingContext);
    }

    @Test
    void badModelsGetClearErrorsNotCrashes() {
        LmscoreException missing = assertThrows(LmscoreException.class,
                () -> Model.load(Path.of("no-such-model.gguf"), ModelOptions.defaults()));
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        LmscoreException v1 = assertThrows(LmscoreException.class,
                () -> Model.load(TestData.data("models/bad/stories260k-gguf-v1.gguf"), ModelOptions.defaults()));
        assertTrue(v1.getMessage().contains("GGUF version 1"), v1.getMessage());
        assertEquals(ExitCode.MODEL_LOAD, v1.exitCode());
        LmscoreException rows = assertThrows(LmscoreException.class,
                () -> Model.load(TestData.data("models/bad/stories260k-q8_0-bad-row-size.gguf"), ModelOptions.defaults()));
        assertEquals(ExitCode.MODEL_LOAD, rows.exitCode());
        assertTrue(rows.getMessage().contains("blk.0.ffn_down.weight"), rows.getMessage());
    }

    @Test
    void tokenizerThatWouldAbortIsStoppedBeforeLlamaCpp() {
        try (Model model = Model.load(TestData.data("models/bad/tinystories-656k-no-byte-fallback.gguf"),
                ModelOptions.defaults())) {
            assertTrue(model.vocabulary().tokenize("Once upon a time", true, false).length > 1);
            LmscoreException e = assertThrows(LmscoreException.class,
                    () -> model.vocabulary().tokenize("caf\u00e9 @ noon", true, false));
            assertTrue(e.getMessage().contains("U+00E9"), e.getMessage());
        }
    }
}
