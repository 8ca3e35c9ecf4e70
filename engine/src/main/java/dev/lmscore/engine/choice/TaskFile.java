package dev.lmscore.engine.choice;

import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a task file as strict UTF-8, with one-line errors naming it. */
final class TaskFile {
    private TaskFile() {}

    static String read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw LmscoreException.badInput("task file is a directory: " + file);
            }
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw LmscoreException.badInput("task file is empty: " + file);
            }
            return text;
        } catch (NoSuchFileException e) {
            throw LmscoreException.badInput("task file not found: " + file);
        } catch (MalformedInputException e) {
            throw LmscoreException.badInput("task file " + file + " is not valid UTF-8");
        } catch (IOException e) {
            throw LmscoreException.badInput("cannot read task file " + file + ": " + e.getMessage());
        }
    }
}
