package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.LoadOptions;
import dev.lmscore.engine.choice.ScoringKind;
import dev.lmscore.engine.choice.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.load;
import static dev.lmscore.engine.choice.Fixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTaskReadTest {

    @TempDir
    Path dir;

    @Test
    void yamlTaskWithLabelsGroupsAndIds() {
        ChoiceTask task = load(null, "user/arc_mini.yaml");
        assertEquals("arc_mini", task.name());
        assertEquals("user-task", task.format());
        String q = "Science questions.\n\nQuestion: What pulls objects toward Earth?\nAnswer:";
        assertEquals(List.of(new ChoiceRequest(q, " magnetism"), new ChoiceRequest(q, " gravity"), new ChoiceRequest(q, " friction")),
                requests(task, 1));
        assertEquals(1, task.items().get(1).gold());
        assertEquals("m2", task.items().get(1).id());
        assertEquals("physics", task.items().get(1).group());
    }

    @Test
    void yamlTaskFewShotComesFromItsSplitFile() {
        ChoiceTask task = load(null, "user/arc_mini.yaml", LoadOptions.defaults().withNumFewshot(3));
        String context = requests(task, 0).get(0).context();
        assertTrue(context.startsWith("Science questions.\n\n"), context);
        assertTrue(context.endsWith("\n\nQuestion: What do bees make?\nAnswer:"), context);
        for (String example : List.of("Question: What do cows eat?\nAnswer: grass\n\n",
                "Question: What is faster, light or sound?\nAnswer: light\n\n", "Question: What is H2O?\nAnswer: water\n\n")) {
            assertTrue(context.contains(example), context);
        }
        assertEquals(context.indexOf("Science questions."), context.lastIndexOf("Science questions."), "description once");
    }

    @Test
    void fewshotFileOptionReplacesTheSplitWithDataRecords() {
        var options = LoadOptions.defaults().withNumFewshot(1)
                .withFewshotFile(dev.lmscore.engine.choice.Fixtures.fixture("user/arc_mini.jsonl"));
        ChoiceTask task = load(null, "user/arc_mini.yaml", options);
        // the only other item of that file is m2, prompted with the task's own template
        assertEquals("Science questions.\n\nQuestion: What pulls objects toward Earth?\nAnswer: gravity\n\n"
                + "Question: What do bees make?\nAnswer:", requests(task, 0).get(0).context());
    }

    @Test
    void jsonPartialTaskOverCsvData() {
        ChoiceTask task = load(null, "user/wino_mini.json");
        assertEquals("wino_mini", task.name());
        assertEquals(ScoringKind.PARTIAL, task.kind());
        assertEquals(List.of(new ChoiceRequest("The ball broke the window because the ball", " was too hard."),
                new ChoiceRequest("The ball broke the window because the window", " was too hard.")), requests(task, 0));
        assertEquals(0, task.items().get(0).gold());
        assertEquals("The ball broke the window, since the window", requests(task, 1).get(1).context());
        assertEquals(1, task.items().get(1).gold());
    }

    @Test
    void literalChoicesBooleanTargetAndOwnFewshotDelimiter() {
        ChoiceTask task = load("yes_no", "user/yesno.yaml", LoadOptions.defaults().withNumFewshot(1));
        assertEquals("yes_no", task.name());
        assertEquals(List.of(1, 0, 1), task.items().stream().map(i -> i.gold()).toList());
        String context = requests(task, 1).get(0).context();
        assertTrue(context.endsWith("\n###\nFire is cold.\nQuestion: is fire cold?\nAnswer:"), context);
        assertTrue(context.matches("(?s).*Question: is (snow|water) (cold|wet)\\?\nAnswer: yes\n###\n.*"), context);
        assertEquals(" no", requests(task, 1).get(0).continuation());
    }

    @Test
    void mc2AndGreedyKinds() {
        ChoiceTask truth = load(null, "user/truth_mc2.yaml");
        assertEquals(ScoringKind.MC2, truth.kind());
        assertEquals(List.of(0, 1), truth.items().get(0).trueChoices());
        assertEquals(new ChoiceRequest("Q: Is the Earth round?\nA:", " Roughly, yes."), requests(truth, 0).get(1));

        ChoiceTask greedy = load(null, "user/last_word.yaml");
        assertEquals("last_word", greedy.name());
        assertEquals(ScoringKind.GREEDY, greedy.kind());
        assertEquals(List.of(new ChoiceRequest("The cat sat on the", " mat")), requests(greedy, 0));
    }

    @Test
    void taskFileMistakesNameTheFile() throws IOException {
        Files.writeString(dir.resolve("d.jsonl"), "{\"q\": \"x\", \"c\": [\"a\"], \"t\": 0}\n");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "data: d.jsonl\ndoc_to_txt: q\ndoc_to_choice: c\ndoc_to_target: t\n");
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, typo, LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(typo + ": unknown key 'doc_to_txt'"), e.getMessage());

        Path missingField = Files.writeString(dir.resolve("mf.yaml"), "data: d.jsonl\ndoc_to_text: question\ndoc_to_choice: c\ndoc_to_target: t\n");
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, missingField, LoadOptions.defaults()));
        assertEquals(dir.resolve("d.jsonl").toAbsolutePath() + ":1: missing field 'question'", e.getMessage());

        Path unclosed = Files.writeString(dir.resolve("u.yaml"), "data: d.jsonl\ndoc_to_text: \"{{q\"\ndoc_to_choice: c\ndoc_to_target: t\n");
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, unclosed, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("doc_to_text: unclosed '{{'"), e.getMessage());
    }

    @Test
    void templates() {
        var record = JsonLines.parse("{\"a\": {\"b\": [\"x\", \"y\"]}, \"n\": 3, \"t\": true}");
        assertEquals("y-3-True", Template.parse("{{ a.b[1] }}-{{n}}-{{t}}").render(record));
        assertEquals("a.b", Template.parse("{{a.b}}").singlePath());
        var e = assertThrows(BadRecordException.class, () -> Template.parse("{{missing}}").render(record));
        assertEquals("missing field 'missing'", e.getMessage());
    }
}
