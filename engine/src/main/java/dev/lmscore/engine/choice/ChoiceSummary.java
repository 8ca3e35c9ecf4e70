package dev.lmscore.engine.choice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The task-level numbers of a run, each a mean over items with its standard error
 * (sample standard deviation / sqrt(n), as lm-evaluation-harness reports it):
 * <ul>
 * <li>{@code acc}: the choice with the highest log-likelihood is the gold one (GREEDY tasks: every
 *     continuation token is the model's top token);
 * <li>{@code acc_norm}: the same per character of the choice;
 * <li>{@code acc_llamacpp}: the same per token, as llama-perplexity's HellaSwag score;
 * <li>{@code mc2}: MC2 tasks, the probability mass of the true choices, normalised over all choices.
 * </ul>
 * A stand-in until the shared metrics land: it computes only what the CLI reports.
 */
public record ChoiceSummary(int n, Map<String, Estimate> metrics) {

    /** A mean over items and its standard error. */
    public record Estimate(double value, double stderr) {
        static Estimate of(List<ItemResult> results, ToDoubleFunction<ItemResult> perItem) {
            int n = results.size();
            double sum = 0;
            double sumSquares = 0;
            for (ItemResult r : results) {
                double v = perItem.applyAsDouble(r);
                sum += v;
                sumSquares += v * v;
            }
            double mean = sum / n;
            double variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : Double.NaN;
            return new Estimate(mean, Math.sqrt(variance / n));
        }
    }

    public static ChoiceSummary of(ScoringKind kind, List<ItemResult> results) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        switch (kind) {
            case GREEDY -> m.put("acc", Estimate.of(results, r -> hit(r.greedy()[r.item().gold()])));
            case MC2 -> m.put("mc2", Estimate.of(results, ChoiceSummary::trueMass));
            case MULTIPLE_CHOICE, PARTIAL -> {
                m.put("acc", Estimate.of(results, r -> hit(r.prediction() == r.item().gold())));
                m.put("acc_norm", Estimate.of(results, r -> hit(r.predictionPerCharacter() == r.item().gold())));
                m.put("acc_llamacpp", Estimate.of(results, r -> hit(r.predictionPerToken() == r.item().gold())));
            }
        }
        return new ChoiceSummary(results.size(), m);
    }

    private static double hit(boolean correct) {
        return correct ? 1 : 0;
    }

    /** Sum of the true choices' probabilities over the sum of all choices' (TruthfulQA mc2). */
    static double trueMass(ItemResult r) {
        double max = Double.NEGATIVE_INFINITY;
        for (double ll : r.logLikelihoods()) {
            max = Math.max(max, ll);
        }
        double all = 0;
        for (double ll : r.logLikelihoods()) {
            all += Math.exp(ll - max);
        }
        double truth = 0;
        for (int i : r.item().trueChoices()) {
            truth += Math.exp(r.logLikelihoods()[i] - max);
        }
        return truth / all;
    }
}
