package dev.lmscore.engine.choice;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.format.HellaSwagTextFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves task names for {@code lmscore choice}: {@code hellaswag-llamacpp} reads llama.cpp's
 * HellaSwag text format (through the registry's reader) in llama-perplexity's shuffled order (so {@code --limit N} scores its
 * first N picks); every other name, or none, goes to the {@link TaskRegistry} of published formats,
 * which infers the format when no name is given.
 */
public final class BuiltinTaskLoader implements TaskLoader {
    private final LoadOptions loadOptions;

    public BuiltinTaskLoader() {
        this(LoadOptions.defaults());
    }

    public BuiltinTaskLoader(LoadOptions loadOptions) {
        this.loadOptions = loadOptions;
    }

    @Override
    public ChoiceTask load(String taskName, Path file, int limit) {
        if (!Files.exists(file)) { // a folder is fine: MMLU's CSVs come as dev/val/test folders
            throw LmscoreException.badInput("task file not found: " + file);
        }
        if (LlamaCppHellaswagOrder.TASK.equals(taskName)) {
            ChoiceTask inFileOrder = registryLoad("hellaswag", file);
            if (!inFileOrder.format().equals(HellaSwagTextFormat.ID)) {
                throw LmscoreException.badInput(file + " is not in llama.cpp's HellaSwag text format (six lines a task: "
                        + "context, gold index, four endings), which task " + taskName + " reads");
            }
            return LlamaCppHellaswagOrder.firstPicks(inFileOrder, limit);
        }
        // "jsonl" names the generic JSONL forms: let the registry recognise which one
        ChoiceTask task = registryLoad("jsonl".equals(taskName) ? null : taskName, file);
        if (limit > 0 && task.items().size() > limit) {
            task = new ChoiceTask(task.name(), task.kind(), task.items().subList(0, limit), task.format(),
                    task.targetDelimiter(), task.loadReport());
        }
        return task;
    }

    private ChoiceTask registryLoad(String name, Path file) {
        try {
            return TaskRegistry.standard().load(name, file, loadOptions);
        } catch (ChoiceFormatException e) {
            boolean unknownName = name != null && e.getMessage().contains("unknown task");
            throw new LmscoreException(unknownName ? ExitCode.USAGE : ExitCode.BAD_INPUT, e.getMessage(), e);
        }
    }
}
