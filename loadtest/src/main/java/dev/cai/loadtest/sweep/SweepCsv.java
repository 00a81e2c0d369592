package dev.cai.loadtest.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code runs.csv}, {@code means.csv} and the column descriptions of both. */
public final class SweepCsv {

    public static final List<String> RUN_COLUMNS =
            List.of(
                    "sweep",
                    "partition_bytes",
                    "data_bytes",
                    "batch_size",
                    "run",
                    "status",
                    "job_id",
                    "partitions",
                    "job_wall_s",
                    "inference_window_s",
                    "samples",
                    "bits",
                    "wallclock_throughput_bps",
                    "summed_worker_throughput_bps",
                    "samples_per_s",
                    "handler_s_total",
                    "memory_mb",
                    "cold_starts",
                    "init_s_total",
                    "cost_usd",
                    "error");

    private SweepCsv() {}

    /**
     * Writes one row per run. Doubles are written with {@link Double#toString}, so they parse back
     * exactly.
     */
    public static void writeRuns(Path file, SweepKind kind, List<RunRow> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", RUN_COLUMNS));
        for (RunRow row : rows) {
            lines.add(
                    String.join(
                            ",",
                            List.of(
                                    kind.commandName(),
                                    Long.toString(row.point().partitionBytes()),
                                    Long.toString(row.point().dataBytes()),
                                    Integer.toString(row.point().batchSize()),
                                    Integer.toString(row.run()),
                                    row.status(),
                                    quote(row.jobId()),
                                    Integer.toString(row.partitions()),
                                    Double.toString(row.jobWallSeconds()),
                                    Double.toString(row.inferenceWindowSeconds()),
                                    Long.toString(row.samples()),
                                    Long.toString(row.bits()),
                                    Double.toString(row.wallClockThroughputBps()),
                                    Double.toString(row.summedWorkerThroughputBps()),
                                    Double.toString(row.samplesPerSecond()),
                                    Double.toString(row.handlerSecondsTotal()),
                                    Integer.toString(row.memoryMb()),
                                    Integer.toString(row.coldStarts()),
                                    Double.toString(row.initSecondsTotal()),
                                    Double.toString(row.costUsd()),
                                    quote(row.error()))));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Returns the header of {@code means.csv}. */
    public static List<String> meanColumns() {
        List<String> columns =
                new ArrayList<>(
                        List.of(
                                "sweep",
                                "partition_bytes",
                                "data_bytes",
                                "batch_size",
                                "runs",
                                "complete_runs"));
        for (Metric metric : Metric.values()) {
            for (String statistic : List.of("mean", "std", "min", "max")) {
                columns.add(metric.column() + "_" + statistic);
            }
        }
        return columns;
    }

    /** Writes one row per point; a statistic that is undefined (no or one run) is left empty. */
    public static void writeMeans(Path file, SweepKind kind, List<PointSummary> points)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", meanColumns()));
        for (PointSummary point : points) {
            List<String> cells =
                    new ArrayList<>(
                            List.of(
                                    kind.commandName(),
                                    Long.toString(point.point().partitionBytes()),
                                    Long.toString(point.point().dataBytes()),
                                    Integer.toString(point.point().batchSize()),
                                    Integer.toString(point.runs()),
                                    Integer.toString(point.completeRuns())));
            for (Metric metric : Metric.values()) {
                Stats stats = point.stats(metric);
                cells.add(number(stats.mean()));
                cells.add(number(stats.stdDev()));
                cells.add(number(stats.min()));
                cells.add(number(stats.max()));
            }
            lines.add(String.join(",", cells));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Writes the Markdown page that describes every column of both files. */
    public static void writeColumnsDoc(Path file) throws IOException {
        String doc =
                """
                # Columns of runs.csv and means.csv

                Sizes are bytes, times are seconds, rates are per second of wall-clock time.

                ## runs.csv (one row per run)

                | column | meaning |
                |---|---|
                | sweep | data-size, batch-size or partition-size |
                | partition_bytes | target partition size |
                | data_bytes | requested dataset size (array data, headers excluded) |
                | batch_size | inference batch size |
                | run | repetition number, from 1 |
                | status | the job's final status, or ERROR when the runner threw |
                | job_id | the job id |
                | partitions | partitions planned |
                | job_wall_s | from job creation to the last worker end |
                | inference_window_s | from the first worker start to the last worker end |
                | samples | rows predicted |
                | bits | 8 x input bytes of the predicted partitions |
                | wallclock_throughput_bps | bits / inference_window_s |
                | summed_worker_throughput_bps | sum over partitions of bits / handler time |
                | samples_per_s | samples / inference_window_s |
                | handler_s_total | handler time summed over DONE partitions |
                | memory_mb | configured worker memory |
                | cold_starts | worker attempts that paid an INIT phase |
                | init_s_total | INIT time summed over those cold starts |
                | cost_usd | estimate of the job's cost at the AWS list prices of the price table |
                | error | why the run failed or the job has failures, else empty |

                ## means.csv (one row per point)

                `runs` counts every run of the point and `complete_runs` the runs whose job was
                COMPLETE. Each metric (job_wall_s, inference_window_s, wallclock_throughput_bps,
                summed_worker_throughput_bps, samples_per_s, cost_usd) has four columns over the
                complete runs: `_mean`, `_std` (sample standard deviation, n - 1), `_min` and
                `_max`. A cell is empty when the statistic is undefined: no complete run, or only
                one for `_std`.
                """;
        Files.writeString(file, doc, StandardCharsets.UTF_8);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** Quotes a CSV field when it contains a comma, quote or line break (RFC 4180). */
    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.contains(",")
                || field.contains("\"")
                || field.contains("\n")
                || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
