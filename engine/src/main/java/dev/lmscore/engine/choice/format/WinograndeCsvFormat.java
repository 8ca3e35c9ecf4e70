package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Winogrande in llama.cpp's {@code --winogrande} CSV ({@code index,sentence,option1,option2,answer},
 * e.g. {@code 0,Sarah was a much better surgeon than Maria so _ always got the easier cases.,Sarah,Maria,2}),
 * parsed as llama.cpp's {@code load_winogrande_from_csv} parses it rather than as RFC CSV: the first
 * four commas outside double quotes split the line; a sentence starting with '"' loses its first and
 * last character (doubled quotes stay doubled); the options are taken verbatim; the answer is the
 * leading integer of the last field. A first line whose answer is not a number is a header.
 *
 * <p>Requests are (first + option, second) with the raw text around "_": the target delimiter is empty,
 * so a llama.cpp-compatible scorer sees exactly the strings llama.cpp tokenizes.
 *
 * <p>Unlike llama.cpp, the last line is read: llama.cpp's {@code -f} drops the file's final newline and
 * its {@code getline} loop then discards the last row, so llama.cpp scores one task fewer.
 */
public final class WinograndeCsvFormat implements TaskFormat {

    /** This reader's {@link #id()}. */
    public static final String ID = "winogrande-llamacpp-csv";

    private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d+)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> taskNames() {
        return List.of("winogrande");
    }

    @Override
    public boolean recognizes(FileSample sample) {
        if (!sample.extension().equals("csv")) {
            return false;
        }
        for (String line : sample.firstLines(2)) {
            int[] commas = commas(line);
            if (commas != null && sentence(line, commas).indexOf('_') >= 0 && answer(line, commas) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DocSet read(Path path, String taskName, ReadContext context) {
        var docs = new ArrayList<Doc>();
        TextFiles.forEachLine(path, (number, line) -> {
            if (line.isEmpty()) {
                return;
            }
            int[] commas = commas(line);
            if (number == 1 && commas != null && answer(line, commas) == null) {
                return; // the header row
            }
            context.badLines().attempt(path, number, () -> toDoc(line, commas)).ifPresent(docs::add);
        });
        return new DocSet(taskName, id(), ScoringKind.PARTIAL, docs, PromptStyle.standard().withTargetDelimiter(""),
                null, context.badLines().report());
    }

    private static Doc toDoc(String line, int[] commas) {
        if (commas == null) {
            throw new BadRecordException("expected 5 comma-separated fields (index,sentence,option1,option2,answer)");
        }
        String sentence = sentence(line, commas);
        int blank = sentence.indexOf('_');
        if (blank < 0) {
            throw new BadRecordException("sentence has no '_' to fill in");
        }
        Integer answer = answer(line, commas);
        if (answer == null || answer < 1 || answer > 2) {
            throw new BadRecordException("answer should be 1 or 2, got '" + line.substring(commas[3] + 1) + "'");
        }
        String first = sentence.substring(0, blank);
        String second = sentence.substring(blank + 1);
        String option1 = line.substring(commas[1] + 1, commas[2]);
        String option2 = line.substring(commas[2] + 1, commas[3]);
        String id = line.substring(0, commas[0]);
        return Doc.partial(id, List.of(first + option1, first + option2), second, answer - 1, null);
    }

    /** Positions of the first four commas outside double quotes, or null when there are fewer. */
    private static int[] commas(String line) {
        int[] at = new int[4];
        int found = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length() && found < 4; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                at[found++] = i;
            }
        }
        return found == 4 ? at : null;
    }

    private static String sentence(String line, int[] commas) {
        int start = commas[0] + 1;
        if (start < line.length() && line.charAt(start) == '"') {
            // llama.cpp: substr(comma0 + 2, comma1 - comma0 - 3), i.e. one character off each end
            return line.substring(start + 1, Math.max(start + 1, commas[1] - 1));
        }
        return line.substring(start, commas[1]);
    }

    /** The leading integer of the answer field (as C++'s {@code >>} reads it), or null. */
    private static Integer answer(String line, int[] commas) {
        Matcher m = LEADING_INT.matcher(line.substring(commas[3] + 1));
        if (!m.find()) {
            return null;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
