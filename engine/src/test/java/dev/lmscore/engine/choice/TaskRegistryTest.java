package dev.lmscore.engine.choice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.lmscore.engine.choice.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which reader a file gets, with and without a task name. */
class TaskRegistryTest {

    private final TaskRegistry registry = TaskRegistry.standard();

    @ParameterizedTest
    @CsvSource({
            "hellaswag.jsonl, hellaswag-jsonl, hellaswag",
            "hellaswag_llamacpp.txt, hellaswag-llamacpp-text, hellaswag",
            "arc.jsonl, arc-jsonl, arc",
            "arc_original.jsonl, arc-jsonl, arc",
            "mmlu/data, mmlu-csv, mmlu",
            "mmlu/data/test/abstract_algebra_test.csv, mmlu-csv, mmlu",
            "mmlu_hf.jsonl, mmlu-jsonl, mmlu",
            "winogrande.jsonl, winogrande-jsonl, winogrande",
            "winogrande_llamacpp.csv, winogrande-llamacpp-csv, winogrande",
            "piqa.jsonl, piqa-jsonl, piqa",
            "boolq.jsonl, boolq-jsonl, boolq",
            "copa.jsonl, copa-jsonl, copa",
            "openbookqa.jsonl, openbookqa-jsonl, openbookqa",
            "siqa.jsonl, siqa-jsonl, siqa",
            "commonsense_qa.jsonl, commonsense-qa-jsonl, commonsense_qa",
            "commonsense_qa_original.jsonl, commonsense-qa-jsonl, commonsense_qa",
            "truthfulqa_mc.jsonl, truthfulqa-mc1, truthfulqa_mc1",
            "truthfulqa_mc_task.json, truthfulqa-mc1, truthfulqa_mc1",
            "lambada.jsonl, lambada-jsonl, lambada_openai",
            "user/arc_mini.yaml, user-task, arc_mini",
            "user/wino_mini.json, user-task, wino_mini",
            "bad/mixed.jsonl, generic-mc-jsonl, mixed",
    })
    void infersTheFormatFromTheFile(String fixtureName, String format, String task) {
        var chosen = registry.choose(null, fixture(fixtureName));
        assertEquals(format, chosen.format().id());
        assertEquals(task, chosen.taskName());
    }

    @ParameterizedTest
    @CsvSource({
            "hellaswag, hellaswag_llamacpp.txt, hellaswag-llamacpp-text",
            "arc_easy, arc.jsonl, arc-jsonl",
            "openbookqa, arc_original.jsonl, openbookqa-jsonl",
            "truthfulqa_mc2, truthfulqa_mc.jsonl, truthfulqa-mc2",
            "Social-IQA, siqa.jsonl, siqa-jsonl",
            "arc_easy, bad/mixed.jsonl, generic-mc-jsonl",
    })
    void aTaskNamePicksAmongItsReaders(String task, String fixtureName, String format) {
        assertEquals(format, registry.choose(task, fixture(fixtureName)).format().id());
    }

    @Test
    void unknownTaskNameListsTheKnownOnes() {
        var e = assertThrows(ChoiceFormatException.class, () -> registry.choose("hellaswog", fixture("hellaswag.jsonl")));
        assertTrue(e.getMessage().startsWith(fixture("hellaswag.jsonl") + ": unknown task 'hellaswog'; known tasks: "), e.getMessage());
        assertTrue(e.getMessage().contains("hellaswag, "), e.getMessage());
        assertTrue(e.getMessage().contains("mmlu"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void undecidableFileSaysWhatItSawAndWhatToDo() {
        var e = assertThrows(ChoiceFormatException.class, () -> registry.choose(null, fixture("bad/unknown.jsonl")));
        assertTrue(e.getMessage().contains("cannot tell which task this file holds (first record's keys: prompt, answer)"), e.getMessage());
        assertTrue(e.getMessage().contains("--task, one of: arc, arc_challenge"), e.getMessage());
    }

    @Test
    void namedTaskOnAFileOfAnotherShapeReportsTheMissingField() {
        var e = assertThrows(ChoiceFormatException.class,
                () -> TaskRegistry.loadTask("piqa", fixture("bad/unknown.jsonl"), LoadOptions.defaults()));
        assertEquals(fixture("bad/unknown.jsonl") + ":1: missing field 'label' (and no label for it in a -labels.lst file)",
                e.getMessage());
    }

    @Test
    void missingFileIsAFormatError() {
        var e = assertThrows(ChoiceFormatException.class, () -> registry.choose(null, fixture("arc.jsonl").resolveSibling("nope.jsonl")));
        assertTrue(e.getMessage().endsWith("nope.jsonl: no such file"), e.getMessage());
    }
}
