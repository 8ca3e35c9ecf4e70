package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Base of the formats whose files are JSON records (JSON Lines or a JSON array), one item each: the
 * reading loop, bad-line policy and recognition by the first record's keys live here, so a format only
 * says which keys mark it and how a record becomes a {@link Doc}.
 */
public abstract class JsonDocFormat implements TaskFormat {

    private final String id;
    private final ScoringKind kind;
    private final PromptStyle style;
    private final List<String> taskNames;

    protected JsonDocFormat(String id, ScoringKind kind, PromptStyle style, String... taskNames) {
        this.id = id;
        this.kind = kind;
        this.style = style;
        this.taskNames = List.of(taskNames);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> taskNames() {
        return taskNames;
    }

    @Override
    public boolean recognizes(FileSample sample) {
        Set<String> keys = sample.firstRecordKeys();
        return !keys.isEmpty() && recognizesKeys(keys);
    }

    /** Whether a first record with these top-level keys is one of this format's. */
    protected abstract boolean recognizesKeys(Set<String> keys);

    /**
     * One record as a doc. Missing fields and bad values are reported by {@link JsonRecord}'s accessors
     * and {@link Doc}'s checks, so an implementation only maps.
     *
     * @param position the record's 0-based position in the file, the id where the data has none
     */
    protected abstract Doc toDoc(JsonRecord record, int position);

    /** Maps one record, at a 0-based position of its file, to a doc. */
    @FunctionalInterface
    protected interface RecordMapper {
        Doc toDoc(JsonRecord record, int position);
    }

    /**
     * The mapping used for {@code path}: {@link #toDoc} unless a format needs more of the file than its
     * records (PIQA's separate labels file).
     */
    protected RecordMapper mapperFor(Path path) {
        return this::toDoc;
    }

    @Override
    public DocSet read(Path path, String taskName, ReadContext context) {
        var docs = new ArrayList<Doc>();
        RecordMapper mapper = mapperFor(path);
        int[] position = {0};
        RecordSource.forEach(path, (line, parse) -> {
            int at = position[0]++;
            context.badLines().attempt(path, line, () -> mapper.toDoc(parse.get(), at)).ifPresent(docs::add);
        });
        return new DocSet(taskName, id, kind, docs, style, null, context.badLines().report());
    }

    /** The record's own id field when it has one, else its position. */
    protected static String idOf(JsonRecord record, String idField, int position) {
        return idField != null && record.has(idField) ? record.text(idField) : Integer.toString(position);
    }

    /** Whether {@code keys} holds all of {@code required}. */
    protected static boolean hasAll(Set<String> keys, String... required) {
        for (String key : required) {
            if (!keys.contains(key)) {
                return false;
            }
        }
        return true;
    }
}
