package dev.lmscore.engine.choice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Few-shot examples drawn from the file itself: deterministic, seeded, never the item itself. */
class FewshotTest {

    private static final Pattern QUESTION = Pattern.compile("Q(\\d+)\\?");

    @TempDir
    Path dir;

    private Path file;

    private Path generic(int n) throws IOException {
        var text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("{\"query\": \"Q").append(i).append("?\", \"choices\": [\"a").append(i).append("\", \"b")
                    .append(i).append("\"], \"gold\": ").append(i % 2).append("}\n");
        }
        return Files.writeString(dir.resolve("gen.jsonl"), text);
    }

    private static List<Integer> questions(String context) {
        var out = new ArrayList<Integer>();
        Matcher m = QUESTION.matcher(context);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void examplesAreSolvedItemsJoinedByBlankLines() throws IOException {
        file = generic(2);
        ChoiceTask task = TaskRegistry.loadTask(null, file, LoadOptions.defaults().withNumFewshot(1));
        // the only other item is item 1, whose gold is b1
        assertEquals(new ChoiceRequest("Q1? b1\n\nQ0?", " a0"), task.items().get(0).choices().get(0));
        assertEquals(new ChoiceRequest("Q0? a0\n\nQ1?", " b1"), task.items().get(1).choices().get(1));
    }

    @Test
    void selectionIsSeededAndExcludesTheItem() throws IOException {
        file = generic(40);
        var options = LoadOptions.defaults().withNumFewshot(5);
        ChoiceTask first = TaskRegistry.loadTask(null, file, options);
        ChoiceTask again = TaskRegistry.loadTask(null, file, options);
        ChoiceTask otherSeed = TaskRegistry.loadTask(null, file, options.withSeed(99));
        assertEquals(first.items(), again.items());
        assertNotEquals(first.items(), otherSeed.items());
        var seenExamples = new HashSet<Integer>();
        for (int i = 0; i < first.items().size(); i++) {
            List<Integer> qs = questions(first.items().get(i).choices().get(0).context());
            assertEquals(6, qs.size());
            assertEquals(i, qs.getLast());
            List<Integer> examples = qs.subList(0, 5);
            assertFalse(examples.contains(i), "item " + i + " is its own example: " + qs);
            assertEquals(5, new HashSet<>(examples).size(), "distinct examples: " + qs);
            seenExamples.addAll(examples);
        }
        assertTrue(seenExamples.size() > 30, "examples spread over the file: " + seenExamples.size());
    }

    @Test
    void tooFewItemsForTheShots() throws IOException {
        file = generic(3);
        var e = assertThrows(ChoiceFormatException.class,
                () -> TaskRegistry.loadTask(null, file, LoadOptions.defaults().withNumFewshot(3)));
        assertEquals("task 'gen': 3 few-shot examples asked for, only 2 available", e.getMessage());
    }

    @Test
    void partialItemsShowTheirGoldContext() {
        ChoiceTask task = Fixtures.load(null, "winogrande.jsonl", LoadOptions.defaults().withNumFewshot(1));
        assertEquals("The trophy didn't fit in the case because the case was too small.\n\n"
                + "The trophy didn't fit in the case because the trophy", task.items().get(0).choices().get(0).context());
        assertEquals(" was too big.", task.items().get(0).choices().get(0).continuation());
    }
}
