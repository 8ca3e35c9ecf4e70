package dev.lmscore.engine.choice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.fixture;
import static dev.lmscore.engine.choice.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is one-line errors naming file and line, or skipped and counted when asked. */
class BadInputTest {

    @TempDir
    Path dir;

    private static ChoiceFormatException failure(String fixtureName) {
        return assertThrows(ChoiceFormatException.class, () -> load(null, fixtureName));
    }

    @Test
    void malformedJsonLineNamesFileAndLine() {
        var e = failure("bad/malformed_line3.jsonl");
        assertTrue(e.getMessage().startsWith(fixture("bad/malformed_line3.jsonl") + ":3: malformed JSON: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void missingField() {
        assertEquals(fixture("bad/missing_field_line2.jsonl") + ":2: missing field 'gold'", failure("bad/missing_field_line2.jsonl").getMessage());
    }

    @Test
    void goldOutOfRange() {
        assertEquals(fixture("bad/gold_out_of_range_line2.jsonl") + ":2: gold index 2 out of range 0..1",
                failure("bad/gold_out_of_range_line2.jsonl").getMessage());
    }

    @Test
    void emptyChoiceList() {
        assertEquals(fixture("bad/empty_choices_line1.jsonl") + ":1: empty choice list", failure("bad/empty_choices_line1.jsonl").getMessage());
    }

    @Test
    void wrongTypes() throws IOException {
        Path file = Files.writeString(dir.resolve("t.jsonl"),
                "{\"query\": \"q\", \"choices\": \"a b\", \"gold\": 0}\n");
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("mc", file, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("unknown task 'mc'"), e.getMessage());
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, file, LoadOptions.defaults()));
        assertEquals(file + ":1: field 'choices' should be a list, got a string \"a b\"", e.getMessage());
    }

    @Test
    void skipPolicyCountsAndKeepsTheFirstMessages() {
        ChoiceTask task = load(null, "bad/mixed.jsonl", LoadOptions.defaults().withSkipBadLines(true));
        // ids are positions among the file's records (the blank line is none), bad ones counted too
        assertEquals(List.of("0", "3", "5"), task.items().stream().map(ChoiceItem::id).toList());
        assertEquals(List.of(0, 1, 2), task.items().stream().map(ChoiceItem::gold).toList());
        LoadReport report = task.loadReport();
        assertEquals(3, report.skipped());
        String file = fixture("bad/mixed.jsonl").toString();
        assertTrue(report.firstMessages().get(0).startsWith(file + ":2: malformed JSON"), report.firstMessages().get(0));
        assertEquals(file + ":3: gold index 5 out of range 0..1", report.firstMessages().get(1));
        assertEquals(file + ":6: missing field 'gold'", report.firstMessages().get(2));
    }

    @Test
    void stopPolicyIsTheDefault() {
        var e = failure("bad/mixed.jsonl");
        assertTrue(e.getMessage().startsWith(fixture("bad/mixed.jsonl") + ":2: "), e.getMessage());
    }

    @Test
    void skippedMessagesAreCappedButAllCounted() throws IOException {
        var text = new StringBuilder("{\"query\": \"q\", \"choices\": [\"a\"], \"gold\": 0}\n");
        for (int i = 0; i < 25; i++) {
            text.append("{\"query\": \"q\", \"choices\": [\"a\"], \"gold\": 3}\n");
        }
        Path file = Files.writeString(dir.resolve("many.jsonl"), text);
        ChoiceTask task = TaskRegistry.loadTask(null, file, LoadOptions.defaults().withSkipBadLines(true));
        assertEquals(1, task.items().size());
        assertEquals(25, task.loadReport().skipped());
        assertEquals(LoadReport.MAX_MESSAGES, task.loadReport().firstMessages().size());
    }

    @Test
    void hellaswagTextErrors() throws IOException {
        Path shortFile = Files.writeString(dir.resolve("h.txt"), "ctx\n1\na\nb\nc\n");
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("hellaswag", shortFile, LoadOptions.defaults()));
        assertEquals(shortFile + ": 5 lines is not a multiple of 6 (context, gold index, four endings per task)", e.getMessage());
        Path badGold = Files.writeString(dir.resolve("g.txt"), "ctx\n7\na\nb\nc\nd\n");
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("hellaswag", badGold, LoadOptions.defaults()));
        assertEquals(badGold + ":2: gold index 7 out of range 0..3", e.getMessage());
    }

    @Test
    void csvErrors() throws IOException {
        Path mmlu = Files.writeString(dir.resolve("x_test.csv"), "Q?,a,b,c,d,B\nQ2?,a,b,c,E\n\"open,a,b,c,d,A\n");
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("mmlu", mmlu, LoadOptions.defaults()));
        assertEquals(mmlu + ":3: unterminated quoted field", e.getMessage());
        Path fields = Files.writeString(dir.resolve("y_test.csv"), "Q?,a,b,c,d,B\nQ2?,a,b,c,E\n");
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("mmlu", fields, LoadOptions.defaults()));
        assertEquals(fields + ":2: expected 6 fields (question,A,B,C,D,answer), got 5", e.getMessage());
        Path wino = Files.writeString(dir.resolve("w.csv"), "0,A _ b.,x,y,1\n1,No blank.,x,y,2\n");
        e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask(null, wino, LoadOptions.defaults()));
        assertEquals(wino + ":2: sentence has no '_' to fill in", e.getMessage());
    }

    @Test
    void invalidUtf8() throws IOException {
        Path file = Files.write(dir.resolve("bin.jsonl"), new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});
        var e = assertThrows(ChoiceFormatException.class, () -> TaskRegistry.loadTask("arc", file, LoadOptions.defaults()));
        assertEquals(file + ":1: not valid UTF-8 text", e.getMessage());
    }
}
