package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ScoringKind;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * llama.cpp's {@code --multiple-choice} binary file (read with {@code -bf}), laid out as
 * {@code multiple_choice_score} reads it, all integers little-endian:
 * <pre>
 * u32 n_task
 * u32 task_pos[n_task]            byte offset of each task from the start of the file
 * per task:
 *   string question               string = u32 length, then that many bytes (UTF-8)
 *   answers mc1                   answers = u32 n (at most 100), n strings, n × i32 labels (1 = correct)
 *   answers mc2
 * </pre>
 * Requests are (question, " " + answer) over the mc1 answers, which is what llama.cpp tokenizes
 * ({@code question + " " + answer}); an item is right when the chosen answer is labelled 1, so every
 * answer labelled 1 is a true choice. The mc2 set is read (so the layout is checked) but not used, as
 * in llama.cpp. Tasks are read at their recorded offsets, so a bad task can be skipped.
 */
public final class LlamaCppMultipleChoiceFormat implements TaskFormat {

    /** This reader's {@link #id()}. */
    public static final String ID = "llamacpp-multiple-choice-binary";

    /** llama.cpp's limit on the answers of one task. */
    public static final int MAX_ANSWERS = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> taskNames() {
        return List.of("multiple_choice", "llamacpp_mc");
    }

    @Override
    public boolean recognizes(FileSample sample) {
        // The offsets table fixes where the first task starts: right after it.
        ByteBuffer head = ByteBuffer.wrap(sample.headBytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (sample.isDirectory() || head.remaining() < 8) {
            return false;
        }
        long nTask = Integer.toUnsignedLong(head.getInt(0));
        return nTask > 0 && Integer.toUnsignedLong(head.getInt(4)) == 4 + 4 * nTask;
    }

    @Override
    public DocSet read(Path path, String taskName, ReadContext context) {
        ByteBuffer file = ByteBuffer.wrap(TextFiles.readBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        long nTask;
        long[] positions;
        try {
            nTask = Integer.toUnsignedLong(file.getInt());
            if (nTask == 0 || 4 + 4 * nTask > file.capacity()) {
                throw ChoiceFormatException.in(path, "no tasks, or a task count (" + nTask + ") larger than the file");
            }
            positions = new long[(int) nTask];
            for (int i = 0; i < nTask; i++) {
                positions[i] = Integer.toUnsignedLong(file.getInt());
            }
        } catch (BufferUnderflowException e) {
            throw ChoiceFormatException.in(path, "too short for a multiple-choice file");
        }
        var docs = new ArrayList<Doc>();
        for (int task = 0; task < nTask; task++) {
            int index = task;
            // "Lines" of a binary file are its tasks, numbered from 1 as llama.cpp's messages do.
            context.badLines().attempt(path, task + 1L, () -> readTask(file, positions[index], index)).ifPresent(docs::add);
        }
        return new DocSet(taskName, id(), ScoringKind.MULTIPLE_CHOICE, docs, PromptStyle.standard(), null,
                context.badLines().report());
    }

    private static Doc readTask(ByteBuffer file, long position, int index) {
        if (position >= file.capacity()) {
            throw new BadRecordException("task offset " + position + " is past the end of the file");
        }
        try {
            file.position((int) position);
            String question = readString(file);
            var answers = new ArrayList<String>();
            var labels = new ArrayList<Integer>();
            readAnswers(file, answers, labels);
            readAnswers(file, new ArrayList<>(), new ArrayList<>()); // mc2, unused
            if (question.isEmpty()) {
                throw new BadRecordException("empty question");
            }
            if (answers.stream().anyMatch(String::isEmpty)) {
                throw new BadRecordException("empty answer");
            }
            var trueChoices = new ArrayList<Integer>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i) == 1) {
                    trueChoices.add(i);
                }
            }
            return Doc.withTrueChoices(Integer.toString(index), question, answers, trueChoices, null);
        } catch (BufferUnderflowException | BufferOverflowException e) {
            throw new BadRecordException("task at byte " + position + " runs past the end of the file");
        }
    }

    private static void readAnswers(ByteBuffer file, List<String> answers, List<Integer> labels) {
        long n = Integer.toUnsignedLong(file.getInt());
        if (n > MAX_ANSWERS) {
            throw new BadRecordException(n + " answers, more than llama.cpp's limit of " + MAX_ANSWERS);
        }
        for (int i = 0; i < n; i++) {
            answers.add(readString(file));
        }
        for (int i = 0; i < n; i++) {
            labels.add(file.getInt());
        }
    }

    private static String readString(ByteBuffer file) {
        long size = Integer.toUnsignedLong(file.getInt());
        if (size > file.remaining()) {
            throw new BadRecordException("string of " + size + " bytes runs past the end of the file");
        }
        byte[] bytes = new byte[(int) size];
        file.get(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRecordException("string is not valid UTF-8");
        }
    }
}
