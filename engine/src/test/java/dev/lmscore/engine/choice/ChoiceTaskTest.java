package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceTaskTest {

    @Test
    void unconditionalRequestsAreTheChoicesAloneAsTheHarnessScoresThem() {
        ChoiceItem item = new ChoiceItem("q1", List.of(new ChoiceRequest("Question: 2+2?\nAnswer:", " four"),
                new ChoiceRequest("Question: 2+2?\nAnswer:", " five")), 0, "math");
        ChoiceTask task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, List.of(item));

        ChoiceTask unconditional = task.unconditional();

        ChoiceItem u = unconditional.items().getFirst();
        assertEquals(List.of(new ChoiceRequest("", "four"), new ChoiceRequest("", "five")), u.choices(),
                "lm-evaluation-harness scores (\"\", choice): no context, no target delimiter");
        assertEquals("q1", u.id());
        assertEquals(0, u.gold());
        assertEquals("math", u.group());
    }

    @Test
    void subsetKeepsTaskOrder() {
        List<ChoiceItem> items = List.of(item("a"), item("b"), item("c"));
        ChoiceTask task = new ChoiceTask("t", ScoringKind.MULTIPLE_CHOICE, items);
        assertEquals(List.of("a", "c"), task.subset(List.of(0, 2)).items().stream().map(ChoiceItem::id).toList());
    }

    private static ChoiceItem item(String id) {
        return new ChoiceItem(id, List.of(new ChoiceRequest("x", " y")), 0, null);
    }
}
