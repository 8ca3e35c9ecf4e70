package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.LoadOptions;
import dev.lmscore.engine.choice.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaCppMultipleChoiceReadTest {

    @TempDir
    Path dir;

    private static final List<LlamaCppMultipleChoiceWriter.Task> TASKS = List.of(
            LlamaCppMultipleChoiceWriter.Task.of("Question: Which gas do plants take in?\nAnswer:",
                    List.of("oxygen", "carbon dioxide", "helium"), List.of(0, 1, 0)),
            new LlamaCppMultipleChoiceWriter.Task("Café or tea?", List.of("café", "tea", "both"), List.of(1, 0, 1),
                    List.of("x"), List.of(1)));

    @Test
    void readsTheBinaryLayout() throws IOException {
        Path file = LlamaCppMultipleChoiceWriter.write(dir.resolve("mc.bin"), TASKS);
        ChoiceTask task = TaskRegistry.loadTask(null, file, LoadOptions.defaults());
        assertEquals("llamacpp-multiple-choice-binary", task.format());
        assertEquals("multiple_choice", task.name());
        assertEquals(2, task.items().size());
        String q = "Question: Which gas do plants take in?\nAnswer:";
        assertEquals(List.of(new ChoiceRequest(q, " oxygen"), new ChoiceRequest(q, " carbon dioxide"), new ChoiceRequest(q, " helium")),
                task.items().get(0).choices());
        assertEquals(1, task.items().get(0).gold());
        // several answers labelled 1: all are true choices, gold the first
        assertEquals(new ChoiceRequest("Café or tea?", " café"), task.items().get(1).choices().get(0));
        assertEquals(List.of(0, 2), task.items().get(1).trueChoices());
        assertEquals(0, task.items().get(1).gold());
    }

    @Test
    void recognisedWithoutExtension() throws IOException {
        Path file = LlamaCppMultipleChoiceWriter.write(dir.resolve("arc-validation"), TASKS);
        assertEquals("llamacpp-multiple-choice-binary", TaskRegistry.standard().choose(null, file).format().id());
    }

    @Test
    void truncatedTaskIsReportedOrSkipped() throws IOException {
        byte[] bytes = LlamaCppMultipleChoiceWriter.bytes(TASKS);
        Path file = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        var e = assertThrows(ChoiceFormatException.class,
                () -> TaskRegistry.loadTask("multiple_choice", file, LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());

        ChoiceTask partial = TaskRegistry.loadTask("multiple_choice", file, LoadOptions.defaults().withSkipBadLines(true));
        assertEquals(1, partial.items().size());
        assertEquals(1, partial.loadReport().skipped());
    }

    @Test
    void tooManyAnswersIsAnError() throws IOException {
        byte[] bytes = LlamaCppMultipleChoiceWriter.bytes(TASKS);
        // task 1's answer count sits after its question: offset + 4 + length of the question
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int offset = b.getInt(4);
        int questionLength = b.getInt(offset);
        b.putInt(offset + 4 + questionLength, 101);
        Path file = Files.write(dir.resolve("many.bin"), bytes);
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, file, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains(":1: 101 answers"), e.getMessage());
    }
}
