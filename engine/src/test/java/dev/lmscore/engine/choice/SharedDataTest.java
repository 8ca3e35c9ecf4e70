package dev.lmscore.engine.choice;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real files of {@code ../shared/data/eval}: every one parses, with the counts its README gives. */
class SharedDataTest {

    private static Path eval;

    @BeforeAll
    static void locate() {
        eval = Fixtures.sharedData().resolve("eval");
    }

    private static ChoiceTask load(String relative) {
        return TaskRegistry.loadTask(null, eval.resolve(relative), LoadOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource({
            "arc_easy, 2376, MULTIPLE_CHOICE",
            "boolq, 3270, MULTIPLE_CHOICE",
            "copa, 100, MULTIPLE_CHOICE",
            "openbook_qa, 500, MULTIPLE_CHOICE",
            "siqa, 1954, MULTIPLE_CHOICE",
            "commonsense_qa, 1221, MULTIPLE_CHOICE",
            "winogrande, 1267, PARTIAL",
            "lambada_openai, 5153, GREEDY",
    })
    void genericFilesParseWithTheirCounts(String name, int count, ScoringKind kind) {
        ChoiceTask task = load("mc/" + name + ".jsonl");
        assertEquals(name, task.name());
        assertEquals(kind, task.kind());
        assertEquals(count, task.items().size());
        assertEquals(0, task.loadReport().skipped());
        assertTrue(task.format().startsWith("generic-"), task.format());
    }

    @Test
    void everyGenericFileIsCovered() throws Exception {
        try (Stream<Path> files = Files.list(eval.resolve("mc"))) {
            assertEquals(8, files.filter(p -> p.toString().endsWith(".jsonl")).count());
        }
    }

    @Test
    void genericFormsPutOneSpaceBeforeTheContinuation() {
        ChoiceTask copa = load("mc/copa.jsonl");
        assertEquals(List.of(new ChoiceRequest("The man turned on the faucet, therefore", " the toilet filled with water."),
                new ChoiceRequest("The man turned on the faucet, therefore", " water flowed from the spout.")),
                copa.items().get(0).choices());
        assertEquals(1, copa.items().get(0).gold());

        ChoiceTask wino = load("mc/winogrande.jsonl");
        assertEquals(List.of(new ChoiceRequest("Sarah was a much better surgeon than Maria so Sarah", " always got the easier cases."),
                new ChoiceRequest("Sarah was a much better surgeon than Maria so Maria", " always got the easier cases.")),
                wino.items().get(0).choices());
        assertEquals(1, wino.items().get(0).gold());

        ChoiceTask lambada = load("mc/lambada_openai.jsonl");
        var first = lambada.items().get(0).choices();
        assertEquals(1, first.size());
        assertEquals(" signs", first.get(0).continuation());
        assertTrue(first.get(0).context().endsWith("I don't care about"));
    }

    @Test
    void everyItemIsWellFormed() throws Exception {
        try (Stream<Path> files = Files.list(eval.resolve("mc"))) {
            for (Path file : files.toList()) {
                ChoiceTask task = TaskRegistry.loadTask(null, file, LoadOptions.defaults());
                for (ChoiceItem item : task.items()) {
                    assertTrue(item.gold() >= 0 && item.gold() < item.choices().size(), file + " " + item.id());
                    assertTrue(item.choices().stream().allMatch(c -> c.continuation().startsWith(" ")), file + " " + item.id());
                }
            }
        }
    }

    @Test
    void hellaswagTextHasAllTasks() {
        ChoiceTask task = load("hellaswag/hellaswag_val_full.txt");
        assertEquals("hellaswag", task.name());
        assertEquals("hellaswag-llamacpp-text", task.format());
        assertEquals(10_042, task.items().size());
        var first = task.items().get(0);
        assertEquals(new ChoiceRequest("Roof shingle removal: A man is sitting on a roof. he", " starts pulling up roofing on a roof."),
                first.choices().get(3));
        assertEquals(3, first.gold());
        assertTrue(task.items().stream().allMatch(i -> i.choices().size() == 4));
        // gold indices are spread over 0..3
        long[] golds = new long[4];
        task.items().forEach(i -> golds[i.gold()]++);
        for (long g : golds) {
            assertTrue(g > 2000, java.util.Arrays.toString(golds));
        }
    }

    @Test
    void fewShotOverARealFile() {
        ChoiceTask task = TaskRegistry.loadTask(null, eval.resolve("mc/arc_easy.jsonl"), LoadOptions.defaults().withNumFewshot(5));
        String context = task.items().get(0).choices().get(0).context();
        assertEquals(6, context.split("Question: ", -1).length - 1, context);
        assertTrue(context.endsWith("Question: Which statement best explains why photosynthesis is the foundation of most food webs?"));
    }
}
