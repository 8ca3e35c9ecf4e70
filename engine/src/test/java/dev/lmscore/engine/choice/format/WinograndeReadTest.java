package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceRequest;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ScoringKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lmscore.engine.choice.Fixtures.load;
import static dev.lmscore.engine.choice.Fixtures.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WinograndeReadTest {

    @Test
    void jsonlIsScoredByPartialEvaluation() {
        ChoiceTask task = load(null, "winogrande.jsonl");
        assertEquals("winogrande", task.name());
        assertEquals(ScoringKind.PARTIAL, task.kind());
        assertEquals(List.of(
                new ChoiceRequest("The trophy didn't fit in the case because the trophy", " was too big."),
                new ChoiceRequest("The trophy didn't fit in the case because the case", " was too big.")),
                requests(task, 0));
        assertEquals(0, task.items().get(0).gold());
        // the rest after "_" is stripped, then one space put before it
        assertEquals(" was too small.", requests(task, 1).get(0).continuation());
        assertEquals(1, task.items().get(1).gold());
        assertEquals("W1-2", task.items().get(1).id());
    }

    @Test
    void llamaCppCsvKeepsTheRawTextAroundTheBlank() {
        ChoiceTask task = load(null, "winogrande_llamacpp.csv");
        assertEquals("winogrande", task.name());
        assertEquals("winogrande-llamacpp-csv", task.format());
        assertEquals(ScoringKind.PARTIAL, task.kind());
        assertEquals("", task.targetDelimiter());
        assertEquals(3, task.items().size()); // the header row is not an item
        assertEquals(List.of(
                new ChoiceRequest("The trophy didn't fit in the case because the trophy", " was too big."),
                new ChoiceRequest("The trophy didn't fit in the case because the case", " was too big.")),
                requests(task, 0));
        // a quoted sentence with commas
        assertEquals(List.of(
                new ChoiceRequest("Anna told Beth, quietly, that Anna", " had won."),
                new ChoiceRequest("Anna told Beth, quietly, that Beth", " had won.")),
                requests(task, 1));
        assertEquals(1, task.items().get(1).gold());
        assertEquals(new ChoiceRequest("The cup fell off the table because the table", " was wobbly."), requests(task, 2).get(1));
        assertEquals("2", task.items().get(2).id());
    }
}
