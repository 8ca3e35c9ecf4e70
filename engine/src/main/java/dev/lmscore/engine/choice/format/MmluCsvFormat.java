package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.LoadReport;
import dev.lmscore.engine.choice.ScoringKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * MMLU's original release (Hendrycks et al., {@code data.tar}): per-subject CSV files without a header,
 * {@code question,A,B,C,D,answer}, in folders {@code dev/}, {@code val/}, {@code test/}, named
 * {@code <subject>_dev.csv}, {@code <subject>_val.csv}, {@code <subject>_test.csv}.
 *
 * <p>The path may be one subject's file, a split folder, or the data folder holding the split folders
 * (then {@link dev.lmscore.engine.choice.LoadOptions#split()} picks the split, subjects in name order).
 * Few-shot examples are the first k of the subject's dev file, found beside the split folder.
 */
public final class MmluCsvFormat implements TaskFormat {

    private static final List<String> SPLITS = List.of("dev", "val", "test");
    private static final int FIELDS = 6;

    @Override
    public String id() {
        return "mmlu-csv";
    }

    @Override
    public List<String> taskNames() {
        return List.of("mmlu");
    }

    @Override
    public boolean recognizes(FileSample sample) {
        if (sample.isDirectory()) {
            return !subjectFiles(sample.path(), "test").isEmpty() || !subjectFiles(sample.path(), "dev").isEmpty();
        }
        if (!sample.extension().equals("csv")) {
            return false;
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(sample.path(), sample.headText());
        } catch (ChoiceFormatException e) {
            rows = List.of(); // a quoted field cut at the sample's end
        }
        return !rows.isEmpty() && rows.getFirst().fields().size() == FIELDS
                && rows.getFirst().fields().get(FIELDS - 1).strip().matches("[A-Da-d]");
    }

    @Override
    public DocSet read(Path path, String taskName, ReadContext context) {
        String split = context.options().split();
        List<Path> files = Files.isDirectory(path) ? subjectFiles(path, split) : List.of(path);
        if (files.isEmpty()) {
            throw ChoiceFormatException.in(path, "no MMLU files *_" + split + ".csv here or in " + split + "/");
        }
        var docs = new ArrayList<Doc>();
        for (Path file : files) {
            docs.addAll(readSubject(file, context.badLines()));
        }
        // Dev files are read with their own policy: their bad lines are reported, not mixed into the items'.
        var devBadLines = new BadLines(context.options().skipBadLines());
        List<Doc> dev = null;
        if (context.options().numFewshot() > 0) {
            dev = new ArrayList<>();
            for (Path file : files) {
                Path devFile = devFileFor(file);
                if (devFile != null && !devFile.equals(file)) {
                    dev.addAll(readSubject(devFile, devBadLines));
                }
            }
            if (dev.isEmpty()) {
                dev = null; // no dev split beside the files: examples come from the items themselves
            }
        }
        LoadReport report = context.badLines().report().plus(devBadLines.report());
        return new DocSet(taskName, id(), ScoringKind.MULTIPLE_CHOICE, docs, MmluPrompt.style(), dev, report);
    }

    private static List<Doc> readSubject(Path file, BadLines badLines) {
        String subject = subjectOf(file);
        var docs = new ArrayList<Doc>();
        int position = 0;
        for (Csv.Row row : Csv.read(file)) {
            int at = position++;
            badLines.attempt(file, row.line(), () -> {
                List<String> fields = row.fields();
                if (fields.size() != FIELDS) {
                    throw new BadRecordException("expected " + FIELDS + " fields (question,A,B,C,D,answer), got " + fields.size());
                }
                List<String> options = fields.subList(1, FIELDS - 1);
                return MmluPrompt.doc(subject + "/" + at, fields.getFirst(), options,
                        MmluPrompt.answerIndex(fields.get(FIELDS - 1), options.size()), subject);
            }).ifPresent(docs::add);
        }
        return docs;
    }

    /** The subject of {@code <subject>_<split>.csv}; the bare name for a file named otherwise. */
    static String subjectOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        for (String split : SPLITS) {
            if (stem.endsWith("_" + split)) {
                return stem.substring(0, stem.length() - split.length() - 1);
            }
        }
        return stem;
    }

    /** {@code <subject>_dev.csv} in the {@code dev/} folder beside this file's folder, if it exists. */
    private static Path devFileFor(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String devName = subjectOf(file) + "_dev.csv";
        for (Path candidate : new Path[] {folder.resolveSibling("dev").resolve(devName), folder.resolve(devName)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The {@code *_<split>.csv} files in {@code folder/<split>/}, else in {@code folder} itself, by name. */
    private static List<Path> subjectFiles(Path folder, String split) {
        Path splitFolder = folder.resolve(split);
        Path where = Files.isDirectory(splitFolder) ? splitFolder : folder;
        try (Stream<Path> entries = Files.list(where)) {
            return entries.filter(p -> p.getFileName().toString().endsWith("_" + split + ".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + where, e);
        }
    }
}
