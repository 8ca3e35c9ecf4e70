package dev.lmscore.engine.choice.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes llama.cpp's {@code --multiple-choice} binary layout, as its {@code multiple_choice_score}
 * reads it (and as the Python script that produced the published files writes it): u32 task count, u32
 * byte offset per task, then per task a string question and two answer sets (u32 count, strings, i32
 * labels); strings are u32 length + UTF-8 bytes; all little-endian.
 */
final class LlamaCppMultipleChoiceWriter {

    /** One task: the question, the mc1 answers and labels, the mc2 answers and labels. */
    record Task(String question, List<String> mc1, List<Integer> mc1Labels, List<String> mc2, List<Integer> mc2Labels) {
        static Task of(String question, List<String> answers, List<Integer> labels) {
            return new Task(question, answers, labels, answers, labels);
        }
    }

    private LlamaCppMultipleChoiceWriter() {
    }

    static byte[] bytes(List<Task> tasks) {
        var bodies = new ArrayList<byte[]>();
        for (Task t : tasks) {
            var body = new ByteArrayOutputStream();
            string(body, t.question());
            answers(body, t.mc1(), t.mc1Labels());
            answers(body, t.mc2(), t.mc2Labels());
            bodies.add(body.toByteArray());
        }
        var out = new ByteArrayOutputStream();
        u32(out, tasks.size());
        int offset = 4 + 4 * tasks.size();
        for (byte[] body : bodies) {
            u32(out, offset);
            offset += body.length;
        }
        bodies.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static Path write(Path file, List<Task> tasks) throws IOException {
        return Files.write(file, bytes(tasks));
    }

    private static void answers(ByteArrayOutputStream out, List<String> answers, List<Integer> labels) {
        u32(out, answers.size());
        answers.forEach(a -> string(out, a));
        labels.forEach(l -> u32(out, l));
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        u32(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }
}
