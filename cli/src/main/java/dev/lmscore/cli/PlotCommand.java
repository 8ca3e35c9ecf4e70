package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.history.HistoryStore;
import dev.lmscore.engine.history.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmscore plot}: a PNG (and optionally SVG) chart of a metric's trend over recorded runs. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Line chart of a recorded metric with ±1 standard-error bars, one line per dataset.")
final class PlotCommand implements Callable<Integer> {
    @Option(names = "--metric", paramLabel = "NAME",
            description = "Metric to chart (e.g. ppl, acc, acc_norm); runs without it are left out. Default: the latest "
                    + "matching run's own (" + HistoryMetric.DEFAULT_HELP + "), as a chart has one y axis.")
    String metric;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--svg", paramLabel = "FILE.svg", description = "Also write an SVG.")
    Path svg;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "time",
            description = "x axis: time (run time) or label (checkpoint = model name, in run order). Default: ${DEFAULT-VALUE}.")
    TrendChart.XAxis x;

    @Option(names = "--model-name", paramLabel = "NAME", description = "Only runs of this model.")
    String modelName;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only runs on this dataset.")
    String dataset;

    @Option(names = "--width", defaultValue = "1000", description = "Pixels. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Pixels. Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--history-db", paramLabel = "FILE", description = "History database (default as for --record).")
    Path database;

    @Override
    public Integer call() {
        if (width < 100 || height < 100 || width > 10000 || height > 10000) {
            throw LmscoreException.usage("--width and --height must be between 100 and 10000");
        }
        System.setProperty("java.awt.headless", "true");
        List<RunRecord> runs;
        try (HistoryStore store = HistoryStore.open(HistoryStore.defaultLocation(database))) {
            runs = store.runs(modelName, dataset);
        }
        String shown = HistoryMetric.forChart(runs, metric);
        JFreeChart chart = TrendChart.build(runs, shown, x);
        TrendChart.writePng(chart, out, width, height);
        if (svg != null) TrendChart.writeSvg(chart, svg, width, height);
        long charted = HistoryMetric.countWith(runs, shown);
        System.out.println("wrote " + out + (svg != null ? " and " + svg : "") + ": " + shown + " of " + runs(charted)
                + (charted < runs.size() ? "; " + runs(runs.size() - charted) + " without " + shown
                + " left out (see --metric, --dataset)" : ""));
        return 0;
    }

    private static String runs(long n) {
        return n + (n == 1 ? " run" : " runs");
    }
}
