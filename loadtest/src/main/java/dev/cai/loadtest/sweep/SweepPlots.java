package dev.cai.loadtest.sweep;

import dev.cai.loadtest.Units;
import dev.cai.plan.ByteSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the PNG plots of a sweep with XChart: metric means with one-standard-deviation bars. */
public final class SweepPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    /** The content of one plot: x value and series of each point, and the metric on y. */
    private record PlotSpec(
            String fileName,
            String title,
            String xTitle,
            ToDoubleFunction<SweepPoint> x,
            String seriesPrefix,
            ToLongFunction<SweepPoint> seriesKey,
            Metric metric,
            double yScale,
            String yTitle) {}

    private SweepPlots() {}

    /** Writes the plots of one sweep into {@code dir} and returns their paths. */
    public static List<Path> write(SweepKind kind, List<PointSummary> points, Path dir)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        for (PlotSpec spec : specs(kind)) {
            files.add(draw(spec, points, dir));
        }
        return files;
    }

    private static List<PlotSpec> specs(SweepKind kind) {
        ToDoubleFunction<SweepPoint> dataMb = point -> Units.toMb(point.dataBytes());
        ToDoubleFunction<SweepPoint> partitionMb = point -> Units.toMb(point.partitionBytes());
        ToDoubleFunction<SweepPoint> batch = SweepPoint::batchSize;
        String mbit = "Wall-clock throughput (Mbit/s)";
        return switch (kind) {
            case DATA_SIZE ->
                    List.of(
                            new PlotSpec(
                                    "job-time-vs-data-size",
                                    "Job time by data size",
                                    "Data size (MB)",
                                    dataMb,
                                    "partition ",
                                    SweepPoint::partitionBytes,
                                    Metric.JOB_WALL_S,
                                    1,
                                    "Job time (s)"),
                            new PlotSpec(
                                    "throughput-vs-data-size",
                                    "Wall-clock throughput by data size",
                                    "Data size (MB)",
                                    dataMb,
                                    "partition ",
                                    SweepPoint::partitionBytes,
                                    Metric.WALLCLOCK_THROUGHPUT_BPS,
                                    1e-6,
                                    mbit),
                            new PlotSpec(
                                    "cost-vs-data-size",
                                    "Estimated AWS cost by data size",
                                    "Data size (MB)",
                                    dataMb,
                                    "partition ",
                                    SweepPoint::partitionBytes,
                                    Metric.COST_USD,
                                    1,
                                    "Estimated cost (USD)"));
            case BATCH_SIZE ->
                    List.of(
                            new PlotSpec(
                                    "job-time-vs-batch-size",
                                    "Job time by batch size",
                                    "Batch size (samples)",
                                    batch,
                                    "data ",
                                    SweepPoint::dataBytes,
                                    Metric.JOB_WALL_S,
                                    1,
                                    "Job time (s)"),
                            new PlotSpec(
                                    "throughput-vs-batch-size",
                                    "Wall-clock throughput by batch size",
                                    "Batch size (samples)",
                                    batch,
                                    "data ",
                                    SweepPoint::dataBytes,
                                    Metric.WALLCLOCK_THROUGHPUT_BPS,
                                    1e-6,
                                    mbit));
            case PARTITION_SIZE ->
                    List.of(
                            new PlotSpec(
                                    "job-time-vs-partition-size",
                                    "Job time by partition size",
                                    "Partition size (MB)",
                                    partitionMb,
                                    "data ",
                                    SweepPoint::dataBytes,
                                    Metric.JOB_WALL_S,
                                    1,
                                    "Job time (s)"),
                            new PlotSpec(
                                    "throughput-vs-partition-size",
                                    "Wall-clock throughput by partition size",
                                    "Partition size (MB)",
                                    partitionMb,
                                    "data ",
                                    SweepPoint::dataBytes,
                                    Metric.WALLCLOCK_THROUGHPUT_BPS,
                                    1e-6,
                                    mbit),
                            new PlotSpec(
                                    "cost-vs-partition-size",
                                    "Estimated AWS cost by partition size",
                                    "Partition size (MB)",
                                    partitionMb,
                                    "data ",
                                    SweepPoint::dataBytes,
                                    Metric.COST_USD,
                                    1,
                                    "Estimated cost (USD)"));
        };
    }

    private static Path draw(PlotSpec spec, List<PointSummary> points, Path dir)
            throws IOException {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(spec.title())
                        .xAxisTitle(spec.xTitle())
                        .yAxisTitle(spec.yTitle())
                        .build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        chart.getStyler()
                .setYAxisDecimalPattern(spec.metric() == Metric.COST_USD ? "0.000000" : "#,##0.##");

        // One series per value of the grouping parameter, points in ascending x.
        Map<Long, List<PointSummary>> series = new TreeMap<>();
        for (PointSummary point : points) {
            if (point.completeRuns() > 0) {
                series.computeIfAbsent(
                                spec.seriesKey().applyAsLong(point.point()),
                                key -> new ArrayList<>())
                        .add(point);
            }
        }
        for (Map.Entry<Long, List<PointSummary>> entry : series.entrySet()) {
            addSeries(chart, spec, entry.getKey(), entry.getValue());
        }
        if (series.isEmpty()) {
            chart.setTitle(spec.title() + " (no complete runs)");
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        Path file = dir.resolve(spec.fileName() + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static void addSeries(
            XYChart chart, PlotSpec spec, long key, List<PointSummary> points) {
        List<PointSummary> sorted = new ArrayList<>(points);
        sorted.sort(
                (a, b) ->
                        Double.compare(
                                spec.x().applyAsDouble(a.point()),
                                spec.x().applyAsDouble(b.point())));
        double[] x = new double[sorted.size()];
        double[] y = new double[sorted.size()];
        double[] error = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Stats stats = sorted.get(i).stats(spec.metric());
            x[i] = spec.x().applyAsDouble(sorted.get(i).point());
            y[i] = stats.mean() * spec.yScale();
            error[i] = Double.isNaN(stats.stdDev()) ? 0 : stats.stdDev() * spec.yScale();
        }
        String name = spec.seriesPrefix() + ByteSize.format(key);
        chart.addSeries(name, x, y, error).setMarker(SeriesMarkers.CIRCLE);
    }
}
