package dev.lmscore.engine.choice;

import java.util.Map;

/**
 * A per-item metric broken down by group (MMLU subject).
 *
 * @param metric  the metric's name
 * @param byGroup the metric within each group, groups in name order
 * @param micro   over all items together (each item weighs the same)
 * @param macro   the mean of the group values (each group weighs the same); its standard error is
 *                {@code sqrt(Σ seᵍ²)/G}, its interval normal
 */
public record GroupedMetric(String metric, Map<String, MetricValue> byGroup, MetricValue micro, MetricValue macro) {
}
