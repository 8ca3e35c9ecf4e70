package dev.lmscore.engine.choice;

import dev.lmscore.engine.stats.Interval;

/**
 * One aggregate figure of a task.
 *
 * @param name          the metric ({@code acc}, {@code acc_norm}, {@code mc2}, {@code perplexity}, ...)
 * @param value         its value
 * @param standardError its standard error (NaN where undefined)
 * @param interval95    a 95% confidence interval: Wilson's for accuracies, normal (or, for perplexity,
 *                      normal on the log scale) for the others
 * @param count         how many items it is computed over
 */
public record MetricValue(String name, double value, double standardError, Interval interval95, long count) {
}
