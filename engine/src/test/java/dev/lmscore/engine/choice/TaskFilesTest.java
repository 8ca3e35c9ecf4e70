package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task files: what is read, in which order, and one-line errors naming the file and line. */
class TaskFilesTest {
    @TempDir
    Path tmp;

    private final TaskLoader loader = new BuiltinTaskLoader();

    private LmscoreException failure(String task, String content) throws IOException {
        Path file = Files.writeString(tmp.resolve("task.txt"), content);
        return assertThrows(LmscoreException.class, () -> loader.load(task, file, 0));
    }

    @Test
    void hellaswagTasksComeInLlamaPerplexitysShuffledOrder() {
        ChoiceTask task = loader.load("hellaswag-llamacpp", TestData.data("eval/hellaswag/hellaswag_val_full.txt"), 5);
        assertEquals(List.of("4187", "10013", "7233", "9363", "1"), task.items().stream().map(ChoiceItem::id).toList());
        ChoiceItem second = task.items().get(4); // file task 1: lines 7-12
        assertEquals("Clean and jerk: A lady walks to a barbell. She bends down and grabs the pole. the lady",
                second.choices().getFirst().context());
        assertEquals(" swings and lands in her arms.", second.choices().getFirst().continuation());
        assertEquals(3, second.gold());
        assertEquals(ScoringKind.MULTIPLE_CHOICE, task.kind());
    }

    @Test
    void genericFormsAreToldByTheirFields() {
        ChoiceTask arc = loader.load("arc_easy", TestData.data("eval/mc/arc_easy.jsonl"), 3);
        assertEquals(3, arc.items().size());
        assertEquals(" Sunlight is the source of energy for nearly all ecosystems.",
                arc.items().getFirst().choices().getFirst().continuation());
        ChoiceTask wino = loader.load("winogrande", TestData.data("eval/mc/winogrande.jsonl"), 2);
        assertEquals(ScoringKind.PARTIAL, wino.kind());
        assertEquals(" always got the easier cases.", wino.items().getFirst().choices().get(1).continuation());
        assertEquals("Sarah was a much better surgeon than Maria so Maria", wino.items().getFirst().choices().get(1).context());
    }

    @Test
    void badFilesGetOneLineErrorsWithTheirLine() throws IOException {
        // the generic forms are read by the task registry: one line naming the file and the bad line
        for (String[] bad : new String[][] {
                {"{\"query\": \"Q\", \"choices\": [\"a\", \"b\"], \"gold\": 0}\n{\"query\": oops}\n", "task.txt:2"},
                {"{\"query\": \"Q\", \"choices\": [\"a\"], \"gold\": 3}\n", "task.txt:1"}}) {
            LmscoreException e = failure("jsonl", bad[0]);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains(bad[1]) && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(failure("hellaswag-llamacpp", "ctx\n1\na\nb\nc\n").getMessage().contains("5 lines is not a multiple of 6"));
        assertTrue(failure("hellaswag-llamacpp", "ctx\nx\na\nb\nc\nd\n").getMessage().contains("task.txt:2: gold index line should hold 0-3"));
        LmscoreException missing = assertThrows(LmscoreException.class,
                () -> loader.load("jsonl", tmp.resolve("nope.jsonl"), 0));
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("task file not found"), missing.getMessage());
        LmscoreException unknown = assertThrows(LmscoreException.class, () -> loader.load("mmlu-pro", tmp, 0));
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("unknown task 'mmlu-pro'"), unknown.getMessage());
    }

    @Test
    void anItemLongerThanTheContextIsNamedOrSkipped() {
        ChoiceTask boolq = loader.load("boolq", TestData.data("eval/mc/boolq.jsonl"), 6);
        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            ChoiceOptions tight = ChoiceOptions.defaults().withContext(64, 64).withThreads(1);
            LmscoreException e = assertThrows(LmscoreException.class,
                    () -> ChoiceScorer.run(model, boolq, tight, r -> { }, Progress.NONE));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().matches("boolq: item \\d+ needs \\d+ tokens .* more than the context of 64.*"),
                    e.getMessage());
            ChoiceOptions roomy = ChoiceOptions.defaults().withContext(400, 400).withThreads(1).withSkipTooLong(true);
            ChoiceRun run = ChoiceScorer.run(model, boolq, roomy, r -> { }, Progress.NONE);
            assertTrue(!run.skipped().isEmpty() && !run.results().isEmpty(), run.skipped() + " skipped");
            assertEquals(boolq.items().size(), run.skipped().size() + run.results().size());
        }
    }
}
