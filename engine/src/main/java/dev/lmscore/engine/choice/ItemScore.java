package dev.lmscore.engine.choice;

import java.util.Map;

/**
 * How one item scored, for per-item comparison with other tools.
 *
 * @param id        the item's id
 * @param group     its group, or null
 * @param predicted the choice with the highest log-likelihood (-1 if none is a number)
 * @param values    each per-item metric: 1 or 0 for accuracies, the probability mass for mc2
 */
public record ItemScore(String id, String group, int predicted, Map<String, Double> values) {
}
