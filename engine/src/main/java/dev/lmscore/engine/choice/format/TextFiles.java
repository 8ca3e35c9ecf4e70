package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Strict UTF-8 reading of data files. Bad bytes are an error naming the file (never silently
 * replaced: a replaced character would change the prompt), a leading byte-order mark is dropped, and
 * a missing file is a {@link ChoiceFormatException} rather than an I/O stack trace.
 */
public final class TextFiles {

    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /** Receives each line of a file with its 1-based number. */
    @FunctionalInterface
    public interface LineVisitor {
        void line(long number, String text);
    }

    /** The whole file as a string. */
    public static String readString(Path file) {
        byte[] bytes = readBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ChoiceFormatException.in(file, "not valid UTF-8 text");
        }
    }

    /**
     * Up to {@code maxBytes} from the start of the file, decoded leniently (a character cut at the end
     * or a bad byte becomes U+FFFD): enough to guess a file's format without reading it all.
     */
    public static String head(Path file, int maxBytes) {
        return decodeLeniently(headBytes(file, maxBytes));
    }

    /** Up to {@code maxBytes} from the start of the file. */
    public static byte[] headBytes(Path file, int maxBytes) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(maxBytes);
        } catch (NoSuchFileException e) {
            throw ChoiceFormatException.in(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** UTF-8 with bad bytes replaced, a leading byte-order mark dropped: for looking, never for prompts. */
    public static String decodeLeniently(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The whole file as bytes. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ChoiceFormatException.in(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Each line of the file, split at "\n", "\r\n" or "\r" (JSON lines cannot hold raw line breaks, so
     * any of them ends a record), numbered from 1.
     */
    public static void forEachLine(Path file, LineVisitor visitor) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                    line = line.substring(1);
                }
                visitor.line(number, line);
            }
        } catch (NoSuchFileException e) {
            throw ChoiceFormatException.in(file, "no such file");
        } catch (CharacterCodingException e) {
            throw ChoiceFormatException.at(file, number + 1, "not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
