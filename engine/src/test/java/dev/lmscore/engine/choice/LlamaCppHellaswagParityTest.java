package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lmscore.engine.Progress;
import dev.lmscore.engine.TestData;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code hellaswag-llamacpp} decides every task as {@code llama-perplexity --hellaswag} (built by
 * native/ from the same source) does at its default settings: same tasks in the same shuffled
 * order, same right and wrong answers one by one, not just the same total.
 */
class LlamaCppHellaswagParityTest {
    private static final int TASKS = 400;

    @Test
    void sameDecisionPerTaskAsLlamaPerplexityOnTheFirst400() throws Exception {
        Path file = TestData.data("eval/hellaswag/hellaswag_val_full.txt");
        String reference = TestData.runLlamaPerplexityUntil("\n" + TASKS + "\t", "-m", TestData.stories260k().toString(), "-f", file.toString(),
                "--hellaswag", "--hellaswag-tasks", String.valueOf(TASKS), "-c", "2048", "-t", "2");
        List<Boolean> expected = correctPerTask(reference);
        assertEquals(TASKS, expected.size(), reference);

        ChoiceTask task = new BuiltinTaskLoader().load("hellaswag-llamacpp", file, TASKS);
        ChoiceOptions options = ChoiceOptions.defaults().withThreads(2).withTokenization(Tokenization.LLAMA_CPP);
        List<Boolean> actual = new ArrayList<>();
        try (Model model = Model.load(TestData.stories260k(), ModelOptions.defaults())) {
            ChoiceScorer.run(model, task, options, r -> actual.add(
                    ChoiceMetrics.scoreItem(task, r, null).values().get(ChoiceMetrics.ACC_PER_TOKEN) == 1.0), Progress.NONE);
        }
        assertEquals(TASKS, actual.size());
        for (int i = 0; i < TASKS; i++) {
            assertEquals(expected.get(i), actual.get(i), "task " + (i + 1) + " (file task " + task.items().get(i).id() + ")");
        }
        assertEquals(96, actual.stream().filter(b -> b).count(), "24.00% of 400");
    }

    /**
     * llama-perplexity prints a running line per task: index, accuracy so far in percent, and a
     * confidence interval. The count of right answers after task i is round(acc_i * i / 100), so
     * task i was right iff that count grew.
     */
    static List<Boolean> correctPerTask(String output) {
        Matcher m = Pattern.compile("(?m)^(\\d+)\\t([0-9.]+)%\\t\\[").matcher(output);
        List<Boolean> correct = new ArrayList<>();
        long before = 0;
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index != correct.size() + 1) {
                throw new IllegalStateException("task lines out of order at " + index);
            }
            long right = Math.round(Double.parseDouble(m.group(2)) * index / 100);
            correct.add(right > before);
            before = right;
        }
        return correct;
    }
}
