package dev.lmscore.engine.choice.format;

import java.nio.file.Path;
import java.util.List;

/**
 * A reader for one published data format: answers to some task names, recognises its files, and
 * reads them into docs.
 */
public interface TaskFormat {

    /** The reader's id, e.g. {@code hellaswag-jsonl}; recorded in {@link dev.lmscore.engine.choice.ChoiceTask#format()}. */
    String id();

    /** The task names that select this reader (the first is the canonical one); may be empty for generic readers. */
    List<String> taskNames();

    /** Whether {@code sample} looks like this format (first record's keys, extension, layout). */
    boolean recognizes(FileSample sample);

    /**
     * Reads {@code path} as task {@code taskName}. Bad records go to the context's
     * {@link BadLines}; a file that cannot be read at all is a {@link dev.lmscore.engine.choice.ChoiceFormatException}.
     */
    DocSet read(Path path, String taskName, ReadContext context);

    /**
     * Whether {@link #read} itself draws examples from {@link dev.lmscore.engine.choice.LoadOptions#fewshotFile()}.
     * Otherwise the registry reads that file with this same reader and uses its docs as the pool; a task
     * file reader cannot be used so, since its few-shot file holds data records, not a task file.
     */
    default boolean readsFewshotFileItself() {
        return false;
    }
}
