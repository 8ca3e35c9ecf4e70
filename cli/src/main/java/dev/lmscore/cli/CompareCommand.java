package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.compare.McNemar;
import dev.lmscore.engine.compare.Normal;
import dev.lmscore.engine.compare.PairedBootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lmscore compare A B}: is run A better than run B on the same data, beyond noise? */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Paired comparison of two runs on the same data.",
                "Perplexity reports (lmscore perplexity --json): paired bootstrap over chunks of the mean NLL",
                "difference A − B and the PPL ratio A/B. Choice results (JSON lines): McNemar's test on per-item",
                "correctness (exact binomial below 25 discordant items, else chi-square with continuity correction)",
                "and a paired bootstrap of the accuracy difference.",
                "Minimum detectable effect (two-sided, 80% power): (z(1−α/2) + z(0.8))·SE, i.e. 2.80·SE at α = 0.05;",
                "SE is that of the paired per-chunk NLL difference, or sqrt(discordant rate / n) for accuracy."})
final class CompareCommand implements Callable<Integer> {
    private static final double POWER = 0.8;

    @Parameters(index = "0", paramLabel = "A", description = "First run (perplexity JSON or choice JSONL).")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "Second run, same data and settings.")
    Path second;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "10000", description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 0.5)) throw LmscoreException.usage("--alpha must be in (0, 0.5), got " + alpha);
        if (resamples < 100) throw LmscoreException.usage("--bootstrap must be at least 100, got " + resamples);
        ComparisonInput a = ComparisonInput.read(first);
        ComparisonInput b = ComparisonInput.read(second);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "compare");
        report.put("a", first.toString());
        report.put("b", second.toString());
        report.put("alpha", alpha);
        report.put("bootstrap_resamples", resamples);
        report.put("seed", seed);
        StringBuilder text = new StringBuilder();
        if (a instanceof ComparisonInput.PerplexityRuns pa && b instanceof ComparisonInput.PerplexityRuns pb) {
            report.put("kind", "perplexity");
            report.put("results", comparePerplexity(pa, pb, text));
        } else if (a instanceof ComparisonInput.ChoiceItems ca && b instanceof ComparisonInput.ChoiceItems cb) {
            report.put("kind", "choice");
            report.put("result", compareChoices(ca, cb, text));
        } else {
            throw LmscoreException.badInput("cannot compare " + a.describe() + " with " + b.describe()
                    + ": both must be perplexity reports or both per-item choice files");
        }
        System.out.print(json ? Json.write(report) + System.lineSeparator() : text);
        System.out.flush();
        return 0;
    }

    private List<Map<String, Object>> comparePerplexity(ComparisonInput.PerplexityRuns a, ComparisonInput.PerplexityRuns b,
                                                       StringBuilder text) {
        if (!a.settings().equals(b.settings())) {
            throw LmscoreException.badInput("different settings: " + first + " " + a.settings() + ", " + second + " "
                    + b.settings() + "; paired comparison needs the same chunks");
        }
        if (a.results().size() != b.results().size()) {
            throw LmscoreException.badInput("different datasets: " + a.results().size() + " vs " + b.results().size() + " text files");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < a.results().size(); i++) {
            ComparisonInput.Chunks ca = a.results().get(i);
            ComparisonInput.Chunks cb = b.results().get(i);
            if (!ca.file().equals(cb.file()) || ca.textBytes() != cb.textBytes()
                    || !java.util.Arrays.equals(ca.chunk(), cb.chunk()) || !java.util.Arrays.equals(ca.tokens(), cb.tokens())) {
                throw LmscoreException.badInput("different datasets: " + ca.file() + " (" + ca.chunk().length + " chunks) vs "
                        + cb.file() + " (" + cb.chunk().length + " chunks) do not have the same chunks and scored tokens"
                        + " (different text, tokenizer or --chunks)");
            }
            PairedBootstrap paired = new PairedBootstrap(ca.nllSum(), cb.nllSum(), ca.tokens());
            PairedBootstrap.Result r = paired.run(resamples, alpha, seed);
            double se = paired.standardError();
            double mde = Normal.detectableEffectFactor(alpha, POWER) * se;
            boolean significant = r.excludesZero();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", ca.file());
            m.put("chunks", ca.chunk().length);
            m.put("nll_difference", r.difference());
            m.put("nll_difference_ci", List.of(r.low(), r.high()));
            m.put("nll_difference_stderr", se);
            m.put("ppl_ratio", Math.exp(r.difference()));
            m.put("ppl_ratio_ci", List.of(Math.exp(r.low()), Math.exp(r.high())));
            m.put("significant", significant);
            m.put("minimum_detectable_nll_difference", mde);
            out.add(m);
            text.append(String.format("%s (%d chunks): mean NLL A − B = %+.6f nats/token, %.0f%% CI [%+.6f, %+.6f]%n",
                    ca.file(), ca.chunk().length, r.difference(), 100 * (1 - alpha), r.low(), r.high()));
            text.append(String.format("  PPL ratio A/B = %.5f, %.0f%% CI [%.5f, %.5f]  (paired bootstrap over chunks, %d resamples)%n",
                    Math.exp(r.difference()), 100 * (1 - alpha), Math.exp(r.low()), Math.exp(r.high()), resamples));
            text.append(String.format("  verdict: %s at alpha %.3g (%s)%n", significant ? "SIGNIFICANT" : "not significant",
                    alpha, significant ? (r.difference() < 0 ? "A is better" : "B is better") : "the CI contains 0"));
            text.append(String.format("  minimum detectable NLL difference (80%% power): %.6f = %.2f × SE %.6f (PPL ratio %.5f)%n",
                    mde, Normal.detectableEffectFactor(alpha, POWER), se, Math.exp(mde)));
        }
        return out;
    }

    private Map<String, Object> compareChoices(ComparisonInput.ChoiceItems a, ComparisonInput.ChoiceItems b, StringBuilder text) {
        if (a.task() != null && b.task() != null && !a.task().equals(b.task())) {
            throw LmscoreException.badInput("different datasets: task " + a.task() + " vs " + b.task());
        }
        if (!a.correct().keySet().equals(b.correct().keySet())) {
            long onlyA = a.correct().keySet().stream().filter(k -> !b.correct().containsKey(k)).count();
            long onlyB = b.correct().keySet().stream().filter(k -> !a.correct().containsKey(k)).count();
            throw LmscoreException.badInput("different datasets: " + onlyA + " item ids only in " + first + ", " + onlyB
                    + " only in " + second);
        }
        int n = a.correct().size();
        double[] ra = new double[n];
        double[] rb = new double[n];
        double[] ones = new double[n];
        long bOnlyA = 0, cOnlyB = 0, i = 0;
        for (Map.Entry<String, Boolean> e : a.correct().entrySet()) {
            boolean x = e.getValue();
            boolean y = b.correct().get(e.getKey());
            ra[(int) i] = x ? 1 : 0;
            rb[(int) i] = y ? 1 : 0;
            ones[(int) i] = 1;
            if (x && !y) bOnlyA++;
            if (!x && y) cOnlyB++;
            i++;
        }
        McNemar test = McNemar.test(bOnlyA, cOnlyB, n);
        PairedBootstrap.Result boot = new PairedBootstrap(ra, rb, ones).run(resamples, alpha, seed);
        boolean significant = test.pValue() < alpha;
        double mde = test.minimumDetectableDifference(alpha, POWER);
        double accA = sum(ra) / n;
        double accB = sum(rb) / n;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", n);
        m.put("accuracy_a", accA);
        m.put("accuracy_b", accB);
        m.put("accuracy_difference", accA - accB);
        m.put("accuracy_difference_ci", List.of(boot.low(), boot.high()));
        m.put("discordant_a_only", bOnlyA);
        m.put("discordant_b_only", cOnlyB);
        m.put("mcnemar_method", test.method().name().toLowerCase());
        m.put("mcnemar_statistic", test.statistic());
        m.put("p_value", test.pValue());
        m.put("significant", significant);
        m.put("minimum_detectable_accuracy_difference", mde);
        text.append(String.format("%d items: accuracy A %.4f, B %.4f, A − B = %+.4f, %.0f%% CI [%+.4f, %+.4f] (paired bootstrap, %d resamples)%n",
                n, accA, accB, accA - accB, 100 * (1 - alpha), boot.low(), boot.high(), resamples));
        text.append(String.format("  McNemar (%s): A only right %d, B only right %d, %s = %.4f, p = %.4g%n",
                test.method() == McNemar.Method.EXACT_BINOMIAL ? "exact binomial" : "chi-square, continuity corrected",
                bOnlyA, cOnlyB, test.method() == McNemar.Method.EXACT_BINOMIAL ? "min(b,c)" : "chi²", test.statistic(), test.pValue()));
        text.append(String.format("  verdict: %s at alpha %.3g%n", significant
                ? "SIGNIFICANT (" + (accA > accB ? "A" : "B") + " is better)"
                : bOnlyA + cOnlyB == 0 ? "no difference (A and B are right on the same items)" : "not significant", alpha));
        text.append(String.format("  minimum detectable accuracy difference (80%% power): %.4f = %.2f × sqrt(discordant rate %.4f / %d)%n",
                mde, Normal.detectableEffectFactor(alpha, POWER), (double) (bOnlyA + cOnlyB) / n, n));
        return m;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }
}
