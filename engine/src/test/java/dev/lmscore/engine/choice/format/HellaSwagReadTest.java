package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ScoringKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.load;
import static dev.lmscore.engine.choice.Fixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HellaSwagReadTest {

    @Test
    void huggingFaceJsonlGetsLmEvalPreprocessing() {
        ChoiceTask task = load(null, "hellaswag.jsonl");
        assertEquals("hellaswag", task.name());
        assertEquals("hellaswag-jsonl", task.format());
        assertEquals(ScoringKind.MULTIPLE_CHOICE, task.kind());
        assertEquals(3, task.items().size());

        // ctx_b is capitalized the Python way: "she Puts" -> "She puts".
        String query = "Making tea: A woman fills a kettle with water. She puts";
        assertEquals(List.of(
                new ChoiceRequest(query, " pours the water on the floor."),
                new ChoiceRequest(query, " boils the water and waits."),       // stripped, double space folded
                new ChoiceRequest(query, " places the kettle on the stove."),
                new ChoiceRequest(query, " drinks from the kettle slowly.")),   // [step] removed
                requests(task, 0));
        assertEquals(2, task.items().get(0).gold());
        assertEquals("7", task.items().get(0).id());
    }

    @Test
    void wikiHowArtifactsAreCleanedAsLmEvalDoes() {
        ChoiceTask task = load("hellaswag", "hellaswag.jsonl");
        var item = task.items().get(1);
        assertEquals("Home and Garden: How to water a cactus. Check the soil.", item.choices().get(0).context());
        // lm-eval removes "[substeps]" but keeps the space after it: the choice starts with a space.
        assertEquals("  Water only when dry.", item.choices().get(0).continuation());
        assertEquals(" Water it. every hour.", item.choices().get(1).continuation());
        assertEquals(0, item.gold());
        // Only ctx (no ctx_a/ctx_b): used as is, not capitalized.
        assertEquals("Baking: A man mixes flour. he", task.items().get(2).choices().get(0).context());
        assertEquals("2", task.items().get(2).id());
    }

    @Test
    void preprocessMatchesPython() {
        assertEquals("a. b", HellaSwagJsonFormat.preprocess("  a [title]b\u00a0"));
        assertEquals("x y", HellaSwagJsonFormat.preprocess("x [foo] [bar]y"));
        // one pass of "  " -> " ", like str.replace: four spaces become two
        assertEquals("p  q", HellaSwagJsonFormat.preprocess("p    q"));
    }

    @Test
    void llamaCppTextKeepsRawContextAndEndings() {
        ChoiceTask task = load(null, "hellaswag_llamacpp.txt");
        assertEquals("hellaswag", task.name());
        assertEquals("hellaswag-llamacpp-text", task.format());
        assertEquals(2, task.items().size());
        String context = "Making tea: A woman fills a kettle with water. She";
        assertEquals(new ChoiceRequest(context, " boils the water and waits."), requests(task, 0).get(1));
        assertEquals(2, task.items().get(0).gold());
        // The scorer tokenizes context + " " + ending: the raw ending keeps its own leading space.
        assertEquals(new ChoiceRequest("Cactus care: A man checks the soil. He", "  ignores it."), requests(task, 1).get(3));
        assertEquals(0, task.items().get(1).gold());
        assertEquals("1", task.items().get(1).id());
        // acc_norm counts the raw ending without the delimiter.
        assertEquals(" ignores it.".length(), task.normLength(requests(task, 1).get(3)));
    }
}
