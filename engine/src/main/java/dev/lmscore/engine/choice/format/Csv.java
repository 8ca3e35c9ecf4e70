package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Python's {@code csv} module writes it (the MMLU files): comma-separated fields,
 * fields in double quotes may hold commas, line breaks and doubled quotes. Each record keeps the line
 * it starts on, since quoted fields make records and lines differ.
 */
public final class Csv {

    /** One CSV record and the 1-based line where it starts. */
    public record Row(long line, List<String> fields) {
    }

    private Csv() {
    }

    /** All records of {@code file}; an unterminated quote is an error at the line where it opened. */
    public static List<Row> read(Path file) {
        return parse(file, TextFiles.readString(file));
    }

    /** All records of {@code text}, read from {@code file} (named in errors). Blank lines are skipped. */
    static List<Row> parse(Path file, String text) {
        var rows = new ArrayList<Row>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        long line = 1;
        long rowStart = 1;
        long quoteStart = 0;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.isEmpty() && !fieldWasQuoted) {
                        quoted = true;
                        fieldWasQuoted = true;
                        quoteStart = line;
                    } else {
                        field.append(c); // a stray quote inside an unquoted field is kept, as Python does
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRow(rows, fields, field, fieldWasQuoted, rowStart);
                    fieldWasQuoted = false;
                    line++;
                    rowStart = line;
                }
                default -> field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw ChoiceFormatException.at(file, quoteStart, "unterminated quoted field");
        }
        endRow(rows, fields, field, fieldWasQuoted, rowStart);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean fieldWasQuoted, long start) {
        if (fields.isEmpty() && field.isEmpty() && !fieldWasQuoted) {
            return; // blank line
        }
        fields.add(field.toString());
        rows.add(new Row(start, List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
    }
}
