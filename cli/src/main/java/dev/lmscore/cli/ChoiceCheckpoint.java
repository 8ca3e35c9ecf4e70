package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ItemResult;
import java.util.ArrayList;
import java.util.List;

/** Choice's unit records in a {@link Checkpoint}: one scored item per line. */
final class ChoiceCheckpoint {
    private ChoiceCheckpoint() {}

    static void append(Checkpoint checkpoint, ItemResult result) {
        checkpoint.append(ChoiceItemRecord.scores(result));
    }

    /** The results recorded so far (none without a checkpoint), each matched to its item of {@code task}. */
    static List<ItemResult> recovered(Checkpoint checkpoint, ChoiceTask task) {
        List<ItemResult> results = new ArrayList<>();
        if (checkpoint == null) {
            return results;
        }
        for (JsonNode record : checkpoint.recovered()) {
            int index = record.path("index").asInt(-1);
            if (index < 0 || index >= task.items().size()) {
                throw LmscoreException.badInput("checkpoint record names item " + record.path("index") + " of "
                        + task.items().size());
            }
            ChoiceItem item = task.items().get(index);
            if (!item.id().equals(record.path("id").asText())) {
                throw LmscoreException.badInput("checkpoint record " + index + " is item " + record.path("id")
                        + ", but the task's item " + index + " is " + item.id());
            }
            results.add(ChoiceItemRecord.result(record, item, index, "checkpoint"));
        }
        return results;
    }
}
