package dev.lmscore.engine.choice;

import dev.lmscore.engine.choice.format.BuiltInFormats;
import dev.lmscore.engine.choice.format.DocSet;
import dev.lmscore.engine.choice.format.FileSample;
import dev.lmscore.engine.choice.format.PromptAssembler;
import dev.lmscore.engine.choice.format.ReadContext;
import dev.lmscore.engine.choice.format.TaskFormat;
import dev.lmscore.engine.choice.format.UserTaskFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Loads benchmark files: picks the reader by task name ({@code --task}) or from the file itself, reads
 * the items, and assembles their prompts with few-shot examples.
 *
 * <p>How a reader is picked:
 * <ol>
 *   <li>a task file (YAML, or a JSON object with {@code doc_to_text}/{@code doc_to_choice}) is always
 *       read as one, named by the task name if given, else by its own {@code task} key;</li>
 *   <li>with a task name, the readers answering to it are tried in order and the first that recognises
 *       the file reads it (so {@code hellaswag} reads both the Hugging Face JSONL and llama.cpp's text);
 *       a file in one of the generic forms is read by the generic reader under that name
 *       ({@code --task arc_easy} on llm-foundry's {@code arc_easy.jsonl}); otherwise the task's first
 *       reader reads it and reports what is missing;</li>
 *   <li>without one, the first reader of {@link BuiltInFormats#all()} that recognises the file reads it,
 *       under its canonical task name (generic forms: the file's name without extension).</li>
 * </ol>
 */
public final class TaskRegistry {

    private final List<TaskFormat> formats;

    /** A registry of the given readers, tried in this order. */
    public TaskRegistry(List<TaskFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** All built-in readers. */
    public static TaskRegistry standard() {
        return new TaskRegistry(BuiltInFormats.all());
    }

    /** Loads {@code file} with the standard readers; see {@link #load}. */
    public static ChoiceTask loadTask(String taskNameOrNull, Path file, LoadOptions options) {
        return standard().load(taskNameOrNull, file, options);
    }

    /**
     * Reads {@code file} as task {@code taskNameOrNull} (null: infer it) and builds its items.
     *
     * @throws ChoiceFormatException for an unknown task name, a file no reader recognises, or bad content
     */
    public ChoiceTask load(String taskNameOrNull, Path file, LoadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Chosen chosen = choose(taskNameOrNull, file);
        DocSet set = chosen.format.read(file, chosen.taskName, ReadContext.of(options));
        if (options.fewshotFile() != null && options.numFewshot() > 0 && !chosen.format.readsFewshotFileItself()) {
            DocSet pool = chosen.format.read(options.fewshotFile(), chosen.taskName, ReadContext.of(options));
            set = set.withFewshotPool(pool.docs(), pool.report());
        }
        return PromptAssembler.assemble(set, options);
    }

    /** The reader that {@link #load} would use for {@code file}, and the task name it would give. */
    public Chosen choose(String taskNameOrNull, Path file) {
        FileSample sample = FileSample.of(file);
        for (TaskFormat format : formats) {
            if (format instanceof UserTaskFormat && format.recognizes(sample)) {
                return new Chosen(format, taskNameOrNull != null ? taskNameOrNull : UserTaskFormat.declaredName(file));
            }
        }
        if (taskNameOrNull != null) {
            return chooseByName(taskNameOrNull, file, sample);
        }
        for (TaskFormat format : formats) {
            if (format.recognizes(sample)) {
                String name = format.taskNames().isEmpty() ? stem(file) : format.taskNames().getFirst();
                return new Chosen(format, name);
            }
        }
        var keys = sample.firstRecordKeys();
        String seen = keys.isEmpty() ? "" : " (first record's keys: " + String.join(", ", keys) + ")";
        throw ChoiceFormatException.in(file, "cannot tell which task this file holds" + seen
                + "; name it with --task, one of: " + String.join(", ", knownTaskNames()));
    }

    private Chosen chooseByName(String taskName, Path file, FileSample sample) {
        String wanted = taskName.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        List<TaskFormat> named = formats.stream().filter(f -> f.taskNames().contains(wanted)).toList();
        if (named.isEmpty()) {
            throw ChoiceFormatException.in(file, "unknown task '" + taskName + "'; known tasks: "
                    + String.join(", ", knownTaskNames()) + ", or a task file (.yaml or .json)");
        }
        for (TaskFormat format : named) {
            if (format.recognizes(sample)) {
                return new Chosen(format, wanted);
            }
        }
        for (TaskFormat format : formats) {
            if (format.taskNames().isEmpty() && !(format instanceof UserTaskFormat) && format.recognizes(sample)) {
                return new Chosen(format, wanted);
            }
        }
        return new Chosen(named.getFirst(), wanted);
    }

    /** Every task name some reader answers to, sorted. */
    public List<String> knownTaskNames() {
        var names = new TreeSet<String>();
        formats.forEach(f -> names.addAll(f.taskNames()));
        return List.copyOf(names);
    }

    /** The readers, in the order they are tried. */
    public List<TaskFormat> formats() {
        return formats;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * A reader and the task name it reads a file under.
     *
     * @param format   the reader
     * @param taskName the task's name
     */
    public record Chosen(TaskFormat format, String taskName) {
    }
}
