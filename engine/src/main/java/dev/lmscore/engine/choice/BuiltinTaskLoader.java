package dev.lmscore.engine.choice;

import dev.lmscore.engine.LmscoreException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tasks lmscore reads today: {@code hellaswag-llamacpp} (llama.cpp's HellaSwag text format,
 * scored as llama-perplexity does) and the generic JSONL forms of {@link GenericJsonlFile}, under
 * the name {@code jsonl} or the name of a shared set in that form.
 */
public final class BuiltinTaskLoader implements TaskLoader {
    /** Names of the shared sets in the generic JSONL form. */
    static final List<String> JSONL_TASKS = List.of("jsonl", "arc_easy", "boolq", "copa", "openbook_qa", "siqa",
            "commonsense_qa", "winogrande", "lambada_openai");

    @Override
    public ChoiceTask load(String taskName, Path file, int limit) {
        if (taskName.equals(LlamaCppHellaswagFile.TASK)) {
            return LlamaCppHellaswagFile.read(file, limit);
        }
        if (JSONL_TASKS.contains(taskName)) {
            return GenericJsonlFile.read(taskName, file, limit);
        }
        throw LmscoreException.usage("unknown task '" + taskName + "'; known tasks: " + LlamaCppHellaswagFile.TASK
                + ", " + String.join(", ", JSONL_TASKS));
    }
}
