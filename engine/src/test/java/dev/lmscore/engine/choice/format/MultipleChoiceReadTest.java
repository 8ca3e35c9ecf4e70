package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ScoringKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.load;
import static dev.lmscore.engine.choice.Fixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ARC, OpenBookQA, CommonsenseQA, PIQA, BoolQ, COPA and Social IQa, each with lm-eval's prompt. */
class MultipleChoiceReadTest {

    @Test
    void arcFlatWithLettersAndNumbers() {
        ChoiceTask task = load(null, "arc.jsonl");
        assertEquals("arc", task.name());
        String q = "Question: Which gas do plants take in from the air?\nAnswer:";
        assertEquals(List.of(new ChoiceRequest(q, " oxygen"), new ChoiceRequest(q, " carbon dioxide"),
                new ChoiceRequest(q, " helium"), new ChoiceRequest(q, " neon")), requests(task, 0));
        assertEquals(1, task.items().get(0).gold());
        assertEquals("Gen_1", task.items().get(0).id());
        assertEquals(3, requests(task, 1).size());
        assertEquals(0, task.items().get(1).gold()); // answerKey "1" among labels 1..3
    }

    @Test
    void arcOriginalNestedShape() {
        ChoiceTask task = load("arc_challenge", "arc_original.jsonl");
        assertEquals("arc_challenge", task.name());
        assertEquals(new ChoiceRequest("Question: Which of these is a planet?\nAnswer:", " Mars"), requests(task, 0).get(1));
        assertEquals(1, task.items().get(0).gold());
    }

    @Test
    void openBookQaPromptsTheBareStem() {
        ChoiceTask task = load(null, "openbookqa.jsonl");
        assertEquals("openbookqa", task.name());
        assertEquals(new ChoiceRequest("Water freezes at", " 0 degrees Celsius"), requests(task, 0).get(0));
        assertEquals(0, task.items().get(0).gold()); // answerKey " A", left-stripped as lm-eval does
    }

    @Test
    void commonsenseQaListsTheChoicesAndScoresLetters() {
        String prompt = "Question: Where do you keep milk cold?\nA. fridge\nB. oven\nC. shelf\nD. garden\nE. car\nAnswer:";
        ChoiceTask flat = load(null, "commonsense_qa.jsonl");
        assertEquals("commonsense_qa", flat.name());
        assertEquals(List.of(" A", " B", " C", " D", " E"), requests(flat, 0).stream().map(ChoiceRequest::continuation).toList());
        assertEquals(prompt, requests(flat, 0).get(0).context());
        assertEquals(0, flat.items().get(0).gold());

        ChoiceTask nested = load(null, "commonsense_qa_original.jsonl");
        assertEquals("commonsense_qa", nested.name());
        assertEquals("Question: Where do you borrow a book?\nA. oven\nB. beach\nC. library\nD. pond\nE. cloud\nAnswer:",
                requests(nested, 0).get(0).context());
        assertEquals(2, nested.items().get(0).gold());
    }

    @Test
    void piqaWithInlineAndSeparateLabels() {
        ChoiceTask task = load(null, "piqa.jsonl");
        assertEquals("piqa", task.name());
        String q = "Question: To open a stuck jar lid,\nAnswer:";
        assertEquals(List.of(new ChoiceRequest(q, " run the lid under hot water."), new ChoiceRequest(q, " put the jar in the freezer.")),
                requests(task, 0));
        assertEquals(0, task.items().get(0).gold());
        assertEquals(1, task.items().get(1).gold());

        ChoiceTask original = load(null, "piqa_original/valid.jsonl");
        assertEquals(requests(task, 1), requests(original, 1));
        assertEquals(List.of(0, 1), original.items().stream().map(i -> i.gold()).toList());
        assertEquals("p-2", original.items().get(1).id());
    }

    @Test
    void boolqAsksWithAQuestionMarkAndScoresNoYes() {
        ChoiceTask task = load(null, "boolq.jsonl");
        assertEquals("boolq", task.name());
        String q = "On a clear day the sky appears blue.\nQuestion: is the sky blue on a clear day?\nAnswer:";
        assertEquals(List.of(new ChoiceRequest(q, " no"), new ChoiceRequest(q, " yes")), requests(task, 0));
        assertEquals(1, task.items().get(0).gold());
        assertEquals(0, task.items().get(1).gold());
    }

    @Test
    void copaJoinsPremiseAndChoiceLikeLmEval() {
        ChoiceTask task = load(null, "copa.jsonl");
        assertEquals("copa", task.name());
        // premise without its period + connector; choice lower-cased and carrying its own space,
        // to which the target delimiter adds another (lm-eval's copa does exactly this)
        assertEquals(List.of(new ChoiceRequest("The man turned on the tap therefore", "  water flowed out."),
                new ChoiceRequest("The man turned on the tap therefore", "  the tap broke.")), requests(task, 0));
        assertEquals("The girl was tired because", requests(task, 1).get(0).context());
        assertEquals("  she ran a marathon.", requests(task, 1).get(0).continuation());
        // acc_norm counts lm-eval's choice string " water flowed out." (18 characters)
        assertEquals(18, task.normLength(requests(task, 0).get(0)));
    }

    @Test
    void siqaUsesTheQAPromptAndOneBasedLabels() {
        ChoiceTask task = load(null, "siqa.jsonl");
        assertEquals("siqa", task.name());
        String q = "Q: Sam forgot his umbrella on a rainy day. How would Sam feel?\nA:";
        assertEquals(List.of(new ChoiceRequest(q, " wet"), new ChoiceRequest(q, " dry"), new ChoiceRequest(q, " proud")),
                requests(task, 0));
        assertEquals(0, task.items().get(0).gold());
        assertEquals(1, task.items().get(1).gold());
        assertEquals(ScoringKind.MULTIPLE_CHOICE, task.kind());
    }
}
