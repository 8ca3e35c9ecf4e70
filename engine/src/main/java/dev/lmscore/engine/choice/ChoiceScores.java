package dev.lmscore.engine.choice;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The scores of a task.
 *
 * @param task     the task's name
 * @param kind     how it was scored
 * @param metrics  the aggregate metrics, in a fixed order per kind
 * @param groups   per-group breakdowns of the per-item metrics; empty when the items have no groups
 * @param items    per-item outcomes, in item order
 * @param unscored items left out for lack of an answer (gold -1)
 */
public record ChoiceScores(String task, ScoringKind kind, List<MetricValue> metrics, List<GroupedMetric> groups,
                           List<ItemScore> items, int unscored) {

    public ChoiceScores {
        metrics = List.copyOf(metrics);
        groups = List.copyOf(groups);
        items = List.copyOf(items);
    }

    /** The metric named {@code name}. */
    public MetricValue metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no metric '" + name + "' for " + kind + " task " + task));
    }

    /** Whether a metric named {@code name} was computed. */
    public boolean has(String name) {
        return metrics.stream().anyMatch(m -> m.name().equals(name));
    }
}
