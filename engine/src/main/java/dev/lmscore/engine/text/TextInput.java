package dev.lmscore.engine.text;

import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an evaluation text the way llama-perplexity's {@code -f} does, refusing what it would mangle. */
public final class TextInput {
    private TextInput() {}

    /**
     * The file's text, strictly decoded as UTF-8, with one trailing newline dropped (as llama.cpp
     * drops it). Missing, unreadable, non-UTF-8 and empty files are errors naming the file.
     */
    public static String read(Path file) {
        return readText(file).content();
    }

    /** As {@link #read}, with the text's UTF-8 length (the file's, less the dropped newline). */
    public static Text readText(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw LmscoreException.badInput("text file is a directory: " + file);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw LmscoreException.badInput("text file not found: " + file);
        } catch (IOException e) {
            throw LmscoreException.badInput("cannot read text file " + file + ": " + e.getMessage());
        }
        String text = decodeUtf8(bytes, file);
        long utf8Bytes = bytes.length;
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
            utf8Bytes--;
        }
        if (text.isEmpty()) {
            throw LmscoreException.badInput("text file is empty: " + file);
        }
        return new Text(text, utf8Bytes);
    }

    static String decodeUtf8(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw LmscoreException.badInput("text file " + file + " is not valid UTF-8 (first bad byte at offset "
                    + badOffset(bytes) + ")");
        } catch (CharacterCodingException e) {
            throw LmscoreException.badInput("text file " + file + " is not valid UTF-8");
        }
    }

    /** Byte offset of the first malformed sequence (the decoder's position is not reliable for this). */
    private static long badOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** Number of whitespace-separated words, as lm-evaluation-harness counts them for word perplexity. */
    public static long countWords(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
