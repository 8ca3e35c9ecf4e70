package dev.lmscore.engine.choice;

import java.nio.file.Path;

/** Finds the reader for a task name and reads the task's items from a file. */
public interface TaskLoader {
    /**
     * @param limit at most this many items (0: all), in the task's order
     * @throws dev.lmscore.engine.LmscoreException USAGE for an unknown task name, BAD_INPUT for a
     *         missing or malformed file (naming the file and line)
     */
    ChoiceTask load(String taskName, Path file, int limit);
}
