package dev.lmscore.engine.choice;

import dev.lmscore.engine.stats.Interval;
import dev.lmscore.engine.stats.Proportion;
import dev.lmscore.engine.stats.SampleMean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * Turns per-choice log-likelihoods into a task's metrics, as lm-evaluation-harness and llama.cpp
 * define them. Per item, the predicted choice is the argmax (ties to the first, NaN never chosen) of:
 * <ul>
 *   <li>{@code acc}: the summed log-likelihood;</li>
 *   <li>{@code acc_norm}: it divided by the choice's length in Unicode code points (Python's
 *       {@code len}), the target delimiter not counted;</li>
 *   <li>{@code acc_bytes}: it divided by the choice's UTF-8 length;</li>
 *   <li>{@code acc_per_token}: it divided by the scored token count (llama.cpp's HellaSwag,
 *       Winogrande and multiple-choice scores);</li>
 *   <li>{@code acc_mutual_info}: ll(choice | context) − ll(choice | nothing), when unconditional
 *       results are given.</li>
 * </ul>
 * An item is right when the predicted choice is one of its true choices. Partial (Winogrande) items
 * share their continuation, so only acc and acc_per_token are reported for them. TruthfulQA mc2
 * reports {@code mc2}, the probability mass of the true answers after normalizing exp(ll) over all
 * answers. Greedy (LAMBADA) items report {@code acc} (the continuation was the greedy completion),
 * {@code perplexity} = exp(−Σll / Σtokens) over all items, and lm-evaluation-harness's
 * {@code doc_perplexity} = exp(−mean ll).
 */
public final class ChoiceMetrics {

    public static final String ACC = "acc";
    public static final String ACC_NORM = "acc_norm";
    public static final String ACC_BYTES = "acc_bytes";
    public static final String ACC_PER_TOKEN = "acc_per_token";
    public static final String ACC_MUTUAL_INFO = "acc_mutual_info";
    public static final String MC2 = "mc2";
    public static final String PERPLEXITY = "perplexity";
    public static final String DOC_PERPLEXITY = "doc_perplexity";

    private ChoiceMetrics() {
    }

    /** The metrics of {@code task} from {@code results}: one list per item, one result per choice. */
    public static ChoiceScores score(ChoiceTask task, List<List<ChoiceResult>> results) {
        return score(task, results, null);
    }

    /**
     * The metrics of a scoring run over the items it scored (items skipped as too long left out),
     * with mutual-information scoring when {@code unconditional}, the run of
     * {@link ChoiceTask#unconditional()}, is not null.
     */
    public static ChoiceScores score(ChoiceTask task, ChoiceRun run, ChoiceRun unconditional) {
        return scoreItems(task, run.results(), unconditional == null ? null : unconditional.results());
    }

    /**
     * As {@link #score(ChoiceTask, ChoiceRun, ChoiceRun)} from per-item results, e.g. read back from
     * a checkpoint or from the shards of a run; {@code unconditional} (or null) is matched by item index.
     */
    public static ChoiceScores scoreItems(ChoiceTask task, List<ItemResult> results, List<ItemResult> unconditional) {
        List<Integer> indices = results.stream().map(ItemResult::index).toList();
        List<List<ChoiceResult>> conditional = results.stream().map(ItemResult::choiceResults).toList();
        return score(task.subset(indices), conditional, unconditional == null ? null : matching(indices, unconditional));
    }

    /**
     * How one item scored: its prediction and its value of each per-item metric (1 or 0 for the
     * accuracies, the true mass for mc2), for the per-item file; null values for an unlabelled item.
     */
    public static ItemScore scoreItem(ChoiceTask task, ItemResult result, ItemResult unconditional) {
        ChoiceItem item = result.item();
        List<ChoiceResult> r = result.choiceResults();
        List<ChoiceResult> u = unconditional == null ? null : unconditional.choiceResults();
        int predicted = argmax(r.size(), c -> r.get(c).logLikelihood());
        var values = new LinkedHashMap<String, Double>();
        if (item.isLabelled()) {
            for (String name : metricNames(task.kind(), u != null)) {
                values.put(name, itemValue(name, task, item, r, u));
            }
        }
        return new ItemScore(item.id(), item.group(), predicted, values);
    }

    private static List<List<ChoiceResult>> matching(List<Integer> indices, List<ItemResult> unconditional) {
        Map<Integer, ItemResult> byIndex = new java.util.HashMap<>();
        for (ItemResult u : unconditional) {
            byIndex.put(u.index(), u);
        }
        List<List<ChoiceResult>> matched = new ArrayList<>(indices.size());
        for (int index : indices) {
            ItemResult u = byIndex.get(index);
            if (u == null) {
                throw new IllegalArgumentException("no unconditional result for item " + index);
            }
            matched.add(u.choiceResults());
        }
        return matched;
    }

    /**
     * As {@link #score(ChoiceTask, List)}, with mutual-information scoring when {@code unconditional}
     * holds, per item and choice, the results of scoring each continuation after an empty context.
     */
    public static ChoiceScores score(ChoiceTask task, List<List<ChoiceResult>> results,
                                     List<List<ChoiceResult>> unconditional) {
        checkShape(task, results, "results");
        if (unconditional != null) {
            checkShape(task, unconditional, "unconditional results");
        }
        List<String> names = metricNames(task.kind(), unconditional != null);
        var items = new ArrayList<ItemScore>();
        int unscored = 0;
        for (int i = 0; i < task.items().size(); i++) {
            ChoiceItem item = task.items().get(i);
            List<ChoiceResult> r = results.get(i);
            if (!item.isLabelled()) {
                unscored++;
                continue;
            }
            int predicted = argmax(r.size(), c -> r.get(c).logLikelihood());
            var values = new LinkedHashMap<String, Double>();
            for (String name : names) {
                values.put(name, itemValue(name, task, item, r, unconditional == null ? null : unconditional.get(i)));
            }
            items.add(new ItemScore(item.id(), item.group(), predicted, values));
        }
        var metrics = new ArrayList<MetricValue>();
        for (String name : names) {
            metrics.add(aggregate(name, items));
        }
        if (task.kind() == ScoringKind.GREEDY) {
            metrics.add(perplexity(task, results));
            metrics.add(docPerplexity(task, results));
        }
        return new ChoiceScores(task.name(), task.kind(), metrics, groups(names, items), items, unscored);
    }

    private static List<String> metricNames(ScoringKind kind, boolean mutualInfo) {
        return switch (kind) {
            case MULTIPLE_CHOICE -> mutualInfo
                    ? List.of(ACC, ACC_NORM, ACC_BYTES, ACC_PER_TOKEN, ACC_MUTUAL_INFO)
                    : List.of(ACC, ACC_NORM, ACC_BYTES, ACC_PER_TOKEN);
            case PARTIAL -> List.of(ACC, ACC_PER_TOKEN);
            case GREEDY -> List.of(ACC);
            case MC2 -> List.of(MC2);
        };
    }

    private static double itemValue(String name, ChoiceTask task, ChoiceItem item, List<ChoiceResult> r,
                                    List<ChoiceResult> unconditional) {
        if (name.equals(MC2)) {
            return trueProbabilityMass(item, r);
        }
        if (task.kind() == ScoringKind.GREEDY) {
            return r.getFirst().greedy() ? 1 : 0;
        }
        IntToDoubleFunction score = switch (name) {
            case ACC -> c -> r.get(c).logLikelihood();
            case ACC_NORM -> c -> divide(r.get(c).logLikelihood(), task.normLength(item.choices().get(c)));
            case ACC_BYTES -> c -> divide(r.get(c).logLikelihood(),
                    task.choiceText(item.choices().get(c)).getBytes(StandardCharsets.UTF_8).length);
            case ACC_PER_TOKEN -> c -> divide(r.get(c).logLikelihood(), r.get(c).tokenCount());
            case ACC_MUTUAL_INFO -> c -> r.get(c).logLikelihood() - unconditional.get(c).logLikelihood();
            default -> throw new IllegalStateException(name);
        };
        return item.isTrue(argmax(r.size(), score)) ? 1 : 0;
    }

    /** The index of the largest score, ties to the first, NaN skipped; -1 when all are NaN. */
    static int argmax(int n, IntToDoubleFunction score) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double v = score.applyAsDouble(c);
            if (!Double.isNaN(v) && (best < 0 || v > bestValue)) {
                best = c;
                bestValue = v;
            }
        }
        return best;
    }

    // A zero length (an empty choice) gives no comparable score rather than ±infinity.
    private static double divide(double ll, int length) {
        return length == 0 ? Double.NaN : ll / length;
    }

    /**
     * Σ over true choices of exp(llᵢ) / Σⱼ exp(llⱼ), computed with the largest ll factored out: the
     * same value as lm-evaluation-harness's direct form, which underflows to 0/0 for long answers.
     */
    static double trueProbabilityMass(ChoiceItem item, List<ChoiceResult> r) {
        double max = Double.NEGATIVE_INFINITY;
        for (ChoiceResult c : r) {
            max = Math.max(max, c.logLikelihood());
        }
        double all = 0;
        double truths = 0;
        for (int c = 0; c < r.size(); c++) {
            double p = Math.exp(r.get(c).logLikelihood() - max);
            all += p;
            if (item.isTrue(c)) {
                truths += p;
            }
        }
        return truths / all;
    }

    private static MetricValue aggregate(String name, List<ItemScore> items) {
        double[] values = items.stream().mapToDouble(s -> s.values().get(name)).toArray();
        return summarize(name, values);
    }

    private static MetricValue summarize(String name, double[] values) {
        if (name.equals(MC2)) {
            SampleMean mean = SampleMean.of(values);
            return new MetricValue(name, mean.mean(), mean.standardError(), mean.normal95(), values.length);
        }
        long successes = 0;
        for (double v : values) {
            successes += v > 0.5 ? 1 : 0;
        }
        Proportion p = new Proportion(successes, values.length);
        return new MetricValue(name, p.mean(), p.standardError(), p.wilson95(), values.length);
    }

    private static List<GroupedMetric> groups(List<String> names, List<ItemScore> items) {
        if (items.stream().allMatch(s -> s.group() == null)) {
            return List.of();
        }
        var byGroup = new TreeMap<String, List<ItemScore>>();
        for (ItemScore s : items) {
            byGroup.computeIfAbsent(s.group() == null ? "" : s.group(), g -> new ArrayList<>()).add(s);
        }
        var out = new ArrayList<GroupedMetric>();
        for (String name : names) {
            var perGroup = new LinkedHashMap<String, MetricValue>();
            byGroup.forEach((group, members) -> perGroup.put(group, aggregate(name, members)));
            out.add(new GroupedMetric(name, perGroup, aggregate(name, items), macro(name, perGroup)));
        }
        return out;
    }

    // Groups are independent samples, so the variance of their mean is Σ se² / G².
    private static MetricValue macro(String name, Map<String, MetricValue> perGroup) {
        int g = perGroup.size();
        double mean = 0;
        double variance = 0;
        long count = 0;
        for (MetricValue v : perGroup.values()) {
            mean += v.value() / g;
            variance += v.standardError() * v.standardError();
            count += v.count();
        }
        double se = Math.sqrt(variance) / g;
        return new MetricValue(name, mean, se, Interval.normal(mean, se, Proportion.Z_95), count);
    }

    /**
     * exp of the mean negative log-likelihood per token over all items. Its standard error treats the
     * mean as a ratio of per-item sums (the delta method): se(r) = sqrt(Σ(Lᵢ − r·Tᵢ)² / (n(n−1))) / T̄,
     * and se(PPL) ≈ PPL·se(r); the interval is exp(r ± 1.96·se(r)).
     */
    private static MetricValue perplexity(ChoiceTask task, List<List<ChoiceResult>> results) {
        int n = task.items().size();
        double nll = 0;
        long tokens = 0;
        for (List<ChoiceResult> r : results) {
            nll -= r.getFirst().logLikelihood();
            tokens += r.getFirst().tokenCount();
        }
        double rate = nll / tokens;
        double se = Double.NaN;
        if (n > 1) {
            double squares = 0;
            for (List<ChoiceResult> r : results) {
                double residual = -r.getFirst().logLikelihood() - rate * r.getFirst().tokenCount();
                squares += residual * residual;
            }
            se = Math.sqrt(squares / ((double) n * (n - 1))) / ((double) tokens / n);
        }
        double ppl = Math.exp(rate);
        return new MetricValue(PERPLEXITY, ppl, ppl * se,
                new Interval(Math.exp(rate - Proportion.Z_95 * se), Math.exp(rate + Proportion.Z_95 * se)), n);
    }

    /** lm-evaluation-harness's {@code perplexity} aggregation: exp(−mean per-item ll), per document not per token. */
    private static MetricValue docPerplexity(ChoiceTask task, List<List<ChoiceResult>> results) {
        double[] nll = results.stream().mapToDouble(r -> -r.getFirst().logLikelihood()).toArray();
        SampleMean mean = SampleMean.of(nll);
        double ppl = Math.exp(mean.mean());
        Interval log = mean.normal95();
        return new MetricValue(DOC_PERPLEXITY, ppl, ppl * mean.standardError(),
                new Interval(Math.exp(log.low()), Math.exp(log.high())), nll.length);
    }

    private static void checkShape(ChoiceTask task, List<List<ChoiceResult>> results, String what) {
        if (results.size() != task.items().size()) {
            throw new IllegalArgumentException(what + ": " + results.size() + " items for a task of " + task.items().size());
        }
        for (int i = 0; i < results.size(); i++) {
            int expected = task.items().get(i).choices().size();
            if (results.get(i).size() != expected) {
                throw new IllegalArgumentException(what + ": item " + task.items().get(i).id() + " has "
                        + results.get(i).size() + " results for " + expected + " choices");
            }
        }
    }
}
