package dev.pinch.evaluator.report;

import dev.pinch.evaluator.report.ExperimentReport.Curve;
import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart: a heatmap per transfer matrix and line plots of the curves. */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** Chart name ({@code heatmap-sxs}, {@code sweep-pinch}, {@code language-count-...}) to chart, in report order. */
    public static Map<String, Chart<?, ?>> of(ExperimentReport report) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        report.matrices().forEach((metric, matrix) -> {
            if (matrix.rows().size() > 0 && matrix.values().stream().flatMap(List::stream).anyMatch(v -> v != null)) {
                charts.put(heatmapName(metric), heatmap(matrix));
            }
        });
        lines(charts, "sweep-", report.sweepCurves());
        lines(charts, "language-count-", report.languageCountCurves());
        return charts;
    }

    /** A matrix's heatmap chart name: {@code heatmap-sxs}, {@code heatmap-task-topic} (safe in file names and URLs). */
    static String heatmapName(String metric) {
        return "heatmap-" + metric.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    public static byte[] svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toByteArray();
    }

    static HeatMapChart heatmap(Matrix matrix) {
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(320 + 56 * matrix.columns().size()).height(140 + 26 * matrix.rows().size())
                .title(matrix.title() + ": tuning mix × eval language").xAxisTitle("eval language")
                .yAxisTitle("tuning mix").build();
        chart.getStyler().setShowValue(true).setMin(0).setMax(100).setLegendVisible(true);
        // XChart draws the first y category at the bottom; list rows bottom-up so the table order reads top-down.
        int rows = matrix.rows().size();
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < matrix.columns().size(); c++) {
                Double v = matrix.values().get(r).get(c);
                if (v != null) {
                    cells.add(new Number[] {c, rows - 1 - r, Math.round(v * 10) / 10.0});
                }
            }
        }
        chart.addSeries(matrix.metric(), matrix.columns(), matrix.rows().reversed(), cells);
        return chart;
    }

    private static void lines(Map<String, Chart<?, ?>> charts, String prefix, List<Curve> curves) {
        Map<String, List<Curve>> byDesign = new LinkedHashMap<>();
        curves.forEach(c -> byDesign.computeIfAbsent(c.design(), k -> new ArrayList<>()).add(c));
        byDesign.forEach((design, group) -> {
            XYChart chart = new XYChartBuilder().width(720).height(420)
                    .title(design + " (" + group.get(0).metric() + ")").xAxisTitle(group.get(0).xLabel())
                    .yAxisTitle(group.get(0).metric()).build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setMarkerSize(6);
            for (Curve curve : group) {
                var series = chart.addSeries(curve.series(),
                        curve.points().stream().mapToDouble(ExperimentReport.Point::x).toArray(),
                        curve.points().stream().mapToDouble(ExperimentReport.Point::y).toArray());
                series.setMarker(SeriesMarkers.CIRCLE);
                whiskers(chart, curve, series.getLineColor());
            }
            charts.put(prefix + design, chart);
        });
    }

    /** Each point's 95% interval as a vertical line in the curve's colour, left out of the legend. */
    private static void whiskers(XYChart chart, Curve curve, java.awt.Color colour) {
        int i = 0;
        for (ExperimentReport.Point p : curve.points()) {
            if (p.low() != null) {
                var w = chart.addSeries(curve.series() + " CI " + i++, new double[] {p.x(), p.x()},
                        new double[] {p.low(), p.high()});
                w.setMarker(SeriesMarkers.NONE);
                w.setShowInLegend(false);
                if (colour != null) {
                    w.setLineColor(colour);
                }
            }
        }
    }
}
