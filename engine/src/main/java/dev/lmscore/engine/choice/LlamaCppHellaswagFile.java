package dev.lmscore.engine.choice;

import dev.lmscore.engine.LmscoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's HellaSwag text format, read and ordered as {@code llama-perplexity --hellaswag} does.
 *
 * <p>Six lines a task: the context (activity label, ": ", context), the gold ending's index, and
 * the four endings. llama-perplexity always shuffles: it picks each task uniformly among those
 * left, with {@code std::mt19937(1)}, so with a limit the first N picks are scored. Each choice is
 * the context and {@code " " + ending}.
 */
final class LlamaCppHellaswagFile {
    static final String TASK = "hellaswag-llamacpp";
    private static final int LINES_PER_TASK = 6;
    private static final int ENDINGS = 4;

    private LlamaCppHellaswagFile() {}

    static ChoiceTask read(Path file, int limit) {
        List<String> lines = lines(TaskFile.read(file));
        if (lines.size() % LINES_PER_TASK != 0) {
            throw LmscoreException.badInput(file + ": " + lines.size() + " lines, not a multiple of 6 (llama.cpp's "
                    + "HellaSwag format: a context line, the gold index, four endings)");
        }
        int tasks = lines.size() / LINES_PER_TASK;
        int count = limit > 0 ? Math.min(limit, tasks) : tasks;
        List<Integer> left = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            left.add(t);
        }
        Mt19937 rng = new Mt19937(1);
        List<ChoiceItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int task = left.remove(rng.uniformIndex(left.size()));
            items.add(item(file, lines, task));
        }
        return new ChoiceTask(TASK, ScoringKind.MULTIPLE_CHOICE, List.copyOf(items));
    }

    private static ChoiceItem item(Path file, List<String> lines, int task) {
        int first = task * LINES_PER_TASK;
        String context = lines.get(first);
        int gold = goldIndex(file, lines.get(first + 1), first + 2);
        List<ChoiceRequest> choices = new ArrayList<>(ENDINGS);
        for (int j = 0; j < ENDINGS; j++) {
            choices.add(new ChoiceRequest(context, " " + lines.get(first + 2 + j)));
        }
        return new ChoiceItem(String.valueOf(task), List.copyOf(choices), gold, List.of(gold), null);
    }

    /** llama.cpp reads the -f file whole, drops one trailing newline and splits it with getline. */
    static List<String> lines(String text) {
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.getLast().isEmpty()) { // getline yields no line after a final newline
            lines.removeLast();
        }
        return lines;
    }

    /** As {@code std::stoi}: leading whitespace, then digits; anything after them is ignored. */
    private static int goldIndex(Path file, String line, int lineNumber) {
        String s = line.stripLeading();
        int end = 0;
        while (end < s.length() && end < 9 && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        int gold = end == 0 ? -1 : Integer.parseInt(s.substring(0, end));
        if (gold < 0 || gold >= ENDINGS) {
            throw LmscoreException.badInput(file + ":" + lineNumber + ": the gold ending must be 0 to 3, found '"
                    + line + "'");
        }
        return gold;
    }
}
