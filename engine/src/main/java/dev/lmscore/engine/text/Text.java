package dev.lmscore.engine.text;

import java.nio.charset.StandardCharsets;

/**
 * An evaluation text and its length in UTF-8 bytes, the unit of bits per byte. A text read from a
 * file carries the file's count, so that nobody encodes 1.3 MB again only to count it.
 */
public record Text(String content, long utf8Bytes) {
    /** A text given as a string; its UTF-8 length is counted here. */
    public static Text of(String content) {
        return new Text(content, content.getBytes(StandardCharsets.UTF_8).length);
    }
}
