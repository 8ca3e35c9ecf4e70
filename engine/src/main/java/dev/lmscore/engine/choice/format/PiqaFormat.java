package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ScoringKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PIQA: {@code goal}, {@code sol1}, {@code sol2}, {@code label} 0/1. lm-evaluation-harness's prompt:
 * "Question: {goal}\nAnswer:" then " " + solution.
 *
 * <p>The original release keeps labels apart, one per line in {@code <name>-labels.lst} beside
 * {@code <name>.jsonl} (e.g. {@code valid.jsonl} and {@code valid-labels.lst}); records without a
 * {@code label} take theirs from that file.
 */
public final class PiqaFormat extends JsonDocFormat {

    public PiqaFormat() {
        super("piqa-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard(), "piqa");
    }

    @Override
    protected boolean recognizesKeys(Set<String> keys) {
        return hasAll(keys, "goal", "sol1", "sol2");
    }

    @Override
    protected RecordMapper mapperFor(Path path) {
        List<String> sideLabels = readSideLabels(path);
        return (record, position) -> toDoc(record, position, sideLabels);
    }

    @Override
    protected Doc toDoc(JsonRecord record, int position) {
        return toDoc(record, position, List.of());
    }

    private static Doc toDoc(JsonRecord record, int position, List<String> sideLabels) {
        int label;
        if (record.has("label")) {
            label = record.integer("label");
        } else if (position < sideLabels.size()) {
            label = parseLabel(sideLabels.get(position));
        } else {
            throw new BadRecordException("missing field 'label' (and no label for it in a -labels.lst file)");
        }
        return Doc.choice(idOf(record, "id", position), "Question: " + record.text("goal") + "\nAnswer:",
                List.of(record.text("sol1"), record.text("sol2")), label, null);
    }

    private static int parseLabel(String line) {
        try {
            return Integer.parseInt(line.strip());
        } catch (NumberFormatException e) {
            throw new BadRecordException("label in the -labels.lst file should be 0 or 1, got '" + line + "'");
        }
    }

    private static List<String> readSideLabels(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path labels = path.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-labels.lst");
        if (!Files.isRegularFile(labels)) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        TextFiles.forEachLine(labels, (number, text) -> {
            if (!text.isBlank()) {
                lines.add(text);
            }
        });
        if (lines.isEmpty()) {
            throw ChoiceFormatException.in(labels, "no labels");
        }
        return lines;
    }
}
