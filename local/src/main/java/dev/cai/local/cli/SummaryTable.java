package dev.cai.local.cli;

import dev.cai.cost.CostBreakdown;
import dev.cai.job.JobSummary;
import dev.cai.job.Percentiles;
import dev.cai.job.PhotoZMetrics;
import java.nio.file.Path;
import java.util.Locale;

/** Renders a job summary as the aligned text table {@code cai run} prints. */
final class SummaryTable {

    private final StringBuilder text = new StringBuilder();

    private SummaryTable() {}

    /** Renders the summary of a job in a deployed stack, with outputs as S3 URIs. */
    static String render(JobSummary summary) {
        return render(summary, null);
    }

    /**
     * Renders {@code summary}; {@code localStore} is the local S3 folder, so output locations can
     * be shown as paths, or null for S3 URIs.
     */
    static String render(JobSummary summary, Path localStore) {
        SummaryTable table = new SummaryTable();
        table.job(summary);
        if (summary.partitions().total() > 0) {
            table.timing(summary);
            table.cost(summary.cost());
        }
        summary.photoZMetrics().ifPresent(table::photoZ);
        table.outputs(summary, localStore);
        return table.text.toString();
    }

    private void job(JobSummary summary) {
        section("Job " + summary.jobId());
        row("status", summary.status().toString());
        if (summary.reason() != null) {
            row("reason", summary.reason());
        }
        row("input", "s3://" + summary.inputBucket() + "/" + summary.inputKey());
        JobSummary.Partitions partitions = summary.partitions();
        row(
                "partitions",
                String.format(
                        "%d done, %d failed, %d missing of %d",
                        partitions.done(),
                        partitions.failed(),
                        partitions.missing(),
                        partitions.total()));
        for (JobSummary.FailedPartition failed : partitions.failedPartitions()) {
            row(
                    "  partition " + failed.partitionId(),
                    failed.error() + " (" + failed.attempts() + " attempts)");
        }
        row("samples", String.format("%,d", summary.samples()));
        row(
                "data read",
                String.format(
                        "%,d bytes (splitter: %,d header bytes)",
                        summary.bytes(), summary.headerBytesRead()));
    }

    private void timing(JobSummary summary) {
        section("Time and throughput");
        row("job wall time", seconds(summary.timeline().jobWallMillis()));
        row("inference window", seconds(summary.timeline().inferenceWindowMillis()));
        row(
                "wall-clock throughput",
                rate(summary.throughput().wallClockBitsPerSecond()) + " over the inference window");
        row("summed worker throughput", rate(summary.throughput().summedWorkerBitsPerSecond()));
        row("samples/s", String.format("%,.1f", summary.throughput().samplesPerSecond()));
        JobSummary.StageTimings stages = summary.stages();
        row("per partition (ms)", "p50 / p95 / max");
        stage("  handler", stages.handler().perPartition());
        stage("  queue wait", stages.queueWait().perPartition());
        stage("  read", stages.read().perPartition());
        stage("  decode", stages.decode().perPartition());
        stage("  infer", stages.infer().perPartition());
        stage("  write", stages.write().perPartition());
        JobSummary.Workers workers = summary.workers();
        row(
                "worker attempts",
                String.format(
                        "%d (%d cold starts, %,d ms init)",
                        workers.attempts(), workers.coldStarts(), workers.initMillisTotal()));
        row(
                "memory",
                String.format(
                        "%,d MB configured, %,d MB peak",
                        workers.configuredMemoryMb(), workers.peakMemoryMbMax()));
        if (workers.peakMemoryMbMax() > workers.configuredMemoryMb()) {
            // Locally the peak is the whole JVM's; on Lambda a worker above its memory stops.
            row(
                    "  warning",
                    "the peak exceeds the configured memory: a Lambda worker with this memory"
                            + " would run out; the local peak also counts the stand-ins");
        }
    }

    private void cost(CostBreakdown cost) {
        section("Cost on AWS (" + cost.region() + " list prices, as this run would be billed)");
        row(
                "Lambda compute",
                String.format("$%.6f (%,.1f GB-s)", cost.lambdaComputeUsd(), cost.gbSeconds()));
        row(
                "Lambda requests",
                String.format(
                        "$%.6f (%,d invocations)", cost.lambdaRequestsUsd(), cost.invocations()));
        row(
                "SQS, DynamoDB, S3",
                String.format(
                        "$%.6f, $%.6f, $%.6f", cost.sqsUsd(), cost.dynamoDbUsd(), cost.s3Usd()));
        row("total", String.format("$%.6f", cost.totalUsd()));
    }

    private void photoZ(PhotoZMetrics metrics) {
        section("Photo-z quality (" + metrics.count() + " labelled samples)");
        row("MAE", String.format("%.4f", metrics.mae()));
        row("bias", String.format("%+.4f", metrics.bias()));
        row("NMAD", String.format("%.4f", metrics.nmad()));
        row("outliers |dz| > 0.15", String.format("%.2f%%", 100 * metrics.outlierFraction()));
        row("R²", String.format("%.4f", metrics.r2()));
    }

    private void outputs(JobSummary summary, Path localStore) {
        section("Outputs");
        JobSummary.Outputs outputs = summary.outputs();
        String base =
                localStore == null
                        ? "s3://" + outputs.bucket() + "/"
                        : localStore.resolve(outputs.bucket()) + "/";
        row("summary", base + outputs.summaryKey());
        row(
                "predictions",
                outputs.predictionsKeys().size()
                        + " CSV files in "
                        + base
                        + outputs.prefix()
                        + "predictions/");
    }

    private void stage(String name, Percentiles percentiles) {
        row(
                name,
                String.format(
                        "%,d / %,d / %,d",
                        percentiles.p50(), percentiles.p95(), percentiles.max()));
    }

    private void section(String title) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(title).append('\n');
    }

    private void row(String name, String value) {
        text.append(String.format(Locale.ROOT, "  %-26s %s%n", name, value));
    }

    private static String seconds(long millis) {
        return String.format("%.2f s", millis / 1000.0);
    }

    private static String rate(double bitsPerSecond) {
        return String.format("%,.1f Mbit/s (%,.2f MB/s)", bitsPerSecond / 1e6, bitsPerSecond / 8e6);
    }
}
