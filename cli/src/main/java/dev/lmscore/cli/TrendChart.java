package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.history.Metric;
import dev.lmscore.engine.history.RunRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * A metric's trend over recorded runs as a line chart with ±1 standard-error bars, one line per
 * dataset; x is the run time or the checkpoint (model name, in the order the runs were made).
 */
final class TrendChart {
    enum XAxis { TIME, LABEL }

    private TrendChart() {}

    static JFreeChart build(List<RunRecord> runs, String metric, XAxis x) {
        List<String> labels = new ArrayList<>();
        for (RunRecord r : runs) {
            if (!labels.contains(r.modelName())) labels.add(r.modelName());
        }
        Map<String, YIntervalSeries> byDataset = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            Metric m = r.metrics().get(metric);
            if (m == null || Double.isNaN(m.value())) continue;
            double error = Double.isNaN(m.error()) ? 0 : m.error();
            double xValue = x == XAxis.TIME ? r.time().toEpochMilli() : labels.indexOf(r.modelName());
            byDataset.computeIfAbsent(r.datasetName(), YIntervalSeries::new)
                    .add(xValue, m.value(), m.value() - error, m.value() + error);
        }
        if (byDataset.isEmpty()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "no recorded run has the metric '" + metric + "'");
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        byDataset.values().forEach(data::addSeries);
        ValueAxis xAxis = x == XAxis.TIME ? new DateAxis("run time") : new SymbolAxis("checkpoint", labels.toArray(String[]::new));
        NumberAxis yAxis = new NumberAxis(metric);
        yAxis.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(1f));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(metric + " by " + (x == XAxis.TIME ? "run time" : "checkpoint"),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(width, height));
        try {
            SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
