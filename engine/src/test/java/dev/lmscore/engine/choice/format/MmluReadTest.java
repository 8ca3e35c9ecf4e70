package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.LoadOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.fixture;
import static dev.lmscore.engine.choice.Fixtures.load;
import static dev.lmscore.engine.choice.Fixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmluReadTest {

    private static final String ALGEBRA = "The following are multiple choice questions (with answers) about abstract algebra.\n\n";

    @Test
    void csvFolderReadsTheTestSplitOfEverySubject() {
        ChoiceTask task = load(null, "mmlu/data");
        assertEquals("mmlu", task.name());
        assertEquals("mmlu-csv", task.format());
        assertEquals(4, task.items().size());
        assertEquals(List.of("abstract_algebra", "abstract_algebra", "abstract_algebra", "astronomy"),
                task.items().stream().map(i -> i.group()).toList());

        // quoted field with a comma and doubled quotes
        assertEquals(ALGEBRA + "Find the order of Z_4 x Z_2, written \"Z4xZ2\".\nA. 4\nB. 6\nC. 8\nD. 2\nAnswer:",
                requests(task, 0).get(0).context());
        assertEquals(2, task.items().get(0).gold());
        assertEquals(List.of(" A", " B", " C", " D"), requests(task, 1).stream().map(ChoiceRequest::continuation).toList());
        assertEquals(1, task.items().get(1).gold());
        // a question spanning two lines
        assertEquals(ALGEBRA + "A question\nover two lines?\nA. yes\nB. no\nC. maybe\nD. never\nAnswer:",
                requests(task, 2).get(0).context());
        assertEquals("abstract_algebra/2", task.items().get(2).id());
    }

    @Test
    void fewShotTakesTheFirstDevQuestionsOfTheSameSubject() {
        ChoiceTask task = load("mmlu", "mmlu/data", LoadOptions.defaults().withNumFewshot(2));
        String expected = ALGEBRA
                + "Dev question one?\nA. a1\nB. b1\nC. c1\nD. d1\nAnswer: A\n\n"
                + "Dev question two?\nA. a2\nB. b2\nC. c2\nD. d2\nAnswer: D\n\n"
                + "What is 2+2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer:";
        assertEquals(expected, requests(task, 1).get(0).context());
        assertEquals(" B", requests(task, 1).get(1).continuation());
        assertTrue(requests(task, 3).get(0).context().startsWith(
                "The following are multiple choice questions (with answers) about astronomy.\n\n"
                        + "Which star is nearest to Earth?\nA. Sirius\nB. the Sun\nC. Vega\nD. Rigel\nAnswer: B\n\n"
                        + "What orbits Earth?\nA. the Moon"));
    }

    @Test
    void oneSubjectFileFindsItsDevFile() {
        ChoiceTask task = load(null, "mmlu/data/test/astronomy_test.csv", LoadOptions.defaults().withNumFewshot(1));
        assertEquals(1, task.items().size());
        assertEquals("astronomy", task.items().get(0).group());
        assertTrue(requests(task, 0).get(0).context().contains("Which star is nearest to Earth?"));
    }

    @Test
    void otherSplitsAndTooManyShots() {
        ChoiceTask val = load("mmlu", "mmlu/data", LoadOptions.defaults().withSplit("val"));
        assertEquals(1, val.items().size());
        assertEquals(0, val.items().get(0).gold());
        var e = assertThrows(ChoiceFormatException.class,
                () -> load("mmlu", "mmlu/data", LoadOptions.defaults().withNumFewshot(3)));
        assertTrue(e.getMessage().contains("only 2 available in group 'astronomy'"), e.getMessage());
    }

    @Test
    void huggingFaceJsonl() {
        ChoiceTask task = load(null, "mmlu_hf.jsonl");
        assertEquals("mmlu-jsonl", task.format());
        assertEquals(4, task.items().size());
        assertEquals(0, task.items().get(3).gold()); // "a"
        assertEquals("The following are multiple choice questions (with answers) about elementary mathematics.\n\n"
                + "Which number is prime?\nA. 4\nB. 6\nC. 7\nD. 8\nAnswer:", requests(task, 1).get(0).context());
        assertEquals(2, task.items().get(1).gold());
        assertEquals(0, task.items().get(2).gold()); // "A"
        assertEquals("high_school_english", task.items().get(2).group());
    }

    @Test
    void huggingFaceJsonlWithADevFile() {
        var options = LoadOptions.defaults().withNumFewshot(2).withFewshotFile(fixture("mmlu_hf_dev.jsonl"));
        ChoiceTask task = load(null, "mmlu_hf.jsonl", options);
        // the dev file's first two questions of the same subject, in order
        assertEquals("The following are multiple choice questions (with answers) about elementary mathematics.\n\n"
                + "What is 1+1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer: B\n\n"
                + "What is 3+3?\nA. 5\nB. 6\nC. 7\nD. 8\nAnswer: B\n\n"
                + "What is 2+2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer:", requests(task, 0).get(0).context());
        var e = assertThrows(ChoiceFormatException.class, () -> load(null, "mmlu_hf.jsonl", options.withNumFewshot(3)));
        assertEquals("task 'mmlu': 3 few-shot examples asked for, only 2 available in group 'elementary_mathematics'", e.getMessage());
    }

    @Test
    void theItemIsNotItsOwnExampleWhenTheFewshotFileIsTheSameFile() {
        var options = LoadOptions.defaults().withNumFewshot(1).withFewshotFile(fixture("mmlu_hf.jsonl"));
        ChoiceTask task = load(null, "mmlu_hf.jsonl", options.withNumFewshot(1));
        assertTrue(requests(task, 0).get(0).context().contains("Which number is prime?\nA. 4\nB. 6\nC. 7\nD. 8\nAnswer: C\n\nWhat is 2+2?"));
    }
}
