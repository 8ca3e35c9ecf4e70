package dev.lmscore.engine.llama;

/** Where a vocabulary lets {@link LineSplitTokenizer} cut a text (see {@link Vocabulary#lineCut()}). */
enum LineCut {
    /** Nowhere: the text is tokenized in one call. */
    NONE {
        @Override
        boolean allows(String text, int cut) {
            return false;
        }
    },
    /** Right after any line break. */
    AFTER_LINE_BREAK {
        @Override
        boolean allows(String text, int cut) {
            return cut > 0 && cut < text.length() && text.charAt(cut - 1) == '\n';
        }
    },
    /**
     * Right after a line break followed by a word ("x\nWord"), or by one space and a word (" \n Word",
     * WikiText's layout), where BPE's whitespace rules end a pre-token.
     */
    BEFORE_WORD_AFTER_LINE_BREAK {
        @Override
        boolean allows(String text, int cut) {
            if (cut < 2 || cut >= text.length() || text.charAt(cut - 1) != '\n') {
                return false;
            }
            char next = text.charAt(cut);
            if (!Character.isWhitespace(next)) {
                return !Character.isWhitespace(text.charAt(cut - 2));
            }
            return next == ' ' && cut + 1 < text.length() && !Character.isWhitespace(text.charAt(cut + 1));
        }
    };

    /** Whether a piece may start at {@code cut}. */
    abstract boolean allows(String text, int cut);

    /** The first position at or after {@code from} where a piece may start, or the text's length. */
    int next(String text, int from) {
        if (this == NONE) {
            return text.length();
        }
        int newline = text.indexOf('\n', Math.max(0, from - 1));
        while (newline >= 0) {
            if (newline + 1 >= from && allows(text, newline + 1)) {
                return newline + 1;
            }
            newline = text.indexOf('\n', newline + 1);
        }
        return text.length();
    }
}
