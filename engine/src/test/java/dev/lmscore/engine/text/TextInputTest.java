package dev.lmscore.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lmscore.engine.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {
    @Test
    void utf8LengthIsTheFilesLessTheDroppedNewline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "naïve café – 東京 🙂\n", StandardCharsets.UTF_8);
        Text text = TextInput.readText(file);
        assertEquals("naïve café – 東京 🙂", text.content());
        assertEquals(Files.size(file) - 1, text.utf8Bytes());
        assertEquals(Text.of(text.content()), text);
    }

    @Test
    void wikiTextCountsAsItsEncoding() {
        Text text = TextInput.readText(TestData.wikiTest());
        assertEquals(text.content().getBytes(StandardCharsets.UTF_8).length, text.utf8Bytes());
    }
}
