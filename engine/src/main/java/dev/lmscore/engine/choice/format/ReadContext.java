package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.LoadOptions;

/**
 * What a reader needs besides the file: the load options and the bad-line policy of this read.
 *
 * @param options  the load options
 * @param badLines where a bad record goes: thrown, or counted
 */
public record ReadContext(LoadOptions options, BadLines badLines) {

    /** A fresh context for one file under {@code options}. */
    public static ReadContext of(LoadOptions options) {
        return new ReadContext(options, new BadLines(options.skipBadLines()));
    }
}
