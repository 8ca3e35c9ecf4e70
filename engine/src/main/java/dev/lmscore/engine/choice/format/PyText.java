package dev.lmscore.engine.choice.format;

import java.util.Locale;

/**
 * Python's string operations where Java's differ, so that prompts built here equal, character for
 * character, those lm-evaluation-harness builds in Python.
 */
public final class PyText {

    private PyText() {
    }

    /**
     * Python's {@code str.isspace} for one code point. Unlike {@link Character#isWhitespace} it counts
     * the no-break spaces (U+00A0, U+2007, U+202F) and NEL (U+0085) as whitespace.
     */
    public static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** Python's {@code str.strip()}: leading and trailing {@linkplain #isSpace whitespace} removed. */
    public static String strip(String s) {
        return stripTrailing(stripLeading(s));
    }

    /** Python's {@code str.lstrip()}. */
    public static String stripLeading(String s) {
        int start = 0;
        while (start < s.length()) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        return s.substring(start);
    }

    /** Python's {@code str.rstrip()}. */
    public static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /**
     * Python's {@code str.capitalize()}: the first character in title case and <em>the rest in lower
     * case</em> ("he Is" becomes "He is"), which HellaSwag's preprocessing relies on.
     */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int rest = Character.charCount(first);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(s.substring(rest).toLowerCase(Locale.ROOT))
                .toString();
    }

    /** Python's {@code len(str)}: the number of Unicode code points. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
