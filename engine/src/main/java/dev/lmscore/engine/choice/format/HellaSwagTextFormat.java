package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ScoringKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HellaSwag in llama.cpp's {@code --hellaswag} text format: six lines a task, the context (activity
 * label included), the gold index 0–3, and four endings. Read as llama.cpp reads it: one trailing
 * '\n' dropped, lines split at '\n' only and kept raw, so requests are exactly
 * (context, " " + ending) and a llama.cpp-compatible scorer can tokenize {@code context + " " + ending}.
 */
public final class HellaSwagTextFormat implements TaskFormat {

    /** This reader's {@link #id()}: tasks read by it are scored llama.cpp's way by a compatible scorer. */
    public static final String ID = "hellaswag-llamacpp-text";

    private static final int LINES_PER_TASK = 6;
    private static final int ENDINGS = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> taskNames() {
        return List.of("hellaswag");
    }

    @Override
    public boolean recognizes(FileSample sample) {
        if (sample.isDirectory() || sample.headText().startsWith("{") || sample.headText().startsWith("[")) {
            return false;
        }
        List<String> lines = sample.firstLines(LINES_PER_TASK + 1);
        return lines.size() >= LINES_PER_TASK && lines.get(1).strip().matches("[0-3]");
    }

    @Override
    public DocSet read(Path path, String taskName, ReadContext context) {
        String text = TextFiles.readString(path);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1); // as llama.cpp's -f does
        }
        String[] lines = text.split("\n", -1);
        if (lines.length % LINES_PER_TASK != 0) {
            throw ChoiceFormatException.in(path, lines.length + " lines is not a multiple of " + LINES_PER_TASK
                    + " (context, gold index, four endings per task)");
        }
        var docs = new ArrayList<Doc>();
        for (int task = 0; task < lines.length / LINES_PER_TASK; task++) {
            int first = task * LINES_PER_TASK;
            int position = task;
            context.badLines().attempt(path, first + 2L, () -> {
                List<String> endings = Arrays.asList(lines).subList(first + 2, first + 2 + ENDINGS);
                return Doc.choice(Integer.toString(position), lines[first], endings, goldIndex(lines[first + 1]), null);
            }).ifPresent(docs::add);
        }
        return new DocSet(taskName, id(), ScoringKind.MULTIPLE_CHOICE, docs, PromptStyle.standard(), null,
                context.badLines().report());
    }

    private static int goldIndex(String line) {
        try {
            return Integer.parseInt(line.strip());
        } catch (NumberFormatException e) {
            throw new BadRecordException("gold index line should hold 0-3, got '" + line + "'");
        }
    }
}
