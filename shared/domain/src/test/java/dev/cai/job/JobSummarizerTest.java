package dev.cai.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cai.cost.PriceTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Three partitions of one job created at T0: two DONE, one FAILED after three attempts. Every
 * expected value below is worked out by hand from these inputs.
 */
class JobSummarizerTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String JOB = "job-1";

    /** Every price 1 dollar, so each charge equals its quantity over the price's unit count. */
    static final PriceTable UNIT_PRICES =
            PriceTable.fromJson(
                    """
                    {"region": "test-1", "currency": "USD", "checkedOn": "2026-12-04",
                     "sources": ["test"],
                     "prices": {
                       "lambdaPerGbSecondX86": {"usd": 1.0}, "lambdaPerGbSecondArm64": {"usd": 1.0},
                       "lambdaPerMillionRequests": {"usd": 1.0}, "sqsPerMillionRequests": {"usd": 1.0},
                       "dynamoDbPerMillionWriteUnits": {"usd": 1.0},
                       "dynamoDbPerMillionReadUnits": {"usd": 1.0},
                       "s3PerThousandPuts": {"usd": 1.0}, "s3PerThousandGets": {"usd": 1.0}}}
                    """);

    static JobRecord job(int partitions) {
        return new JobRecord(
                JOB,
                "in",
                "data/set.npz",
                "etag",
                JobStatus.RUNNING,
                T0,
                0,
                T0 + 3_600_000,
                partitions,
                0,
                300,
                3_000_000,
                4096,
                1_000_000,
                0,
                64,
                true,
                "out",
                "jobs/job-1/",
                null);
    }

    private static PartitionResult done(
            int id,
            long samples,
            long bytes,
            long start,
            long end,
            long queueWait,
            long read,
            long decode,
            long infer,
            long write,
            long peak,
            boolean cold,
            long init) {
        return new PartitionResult(
                JOB,
                id,
                PartitionStatus.DONE,
                1,
                "r" + id,
                samples,
                bytes,
                queueWait,
                read,
                decode,
                infer,
                write,
                end - start,
                2048,
                peak,
                cold,
                init,
                T0 + start,
                T0 + end,
                JobRecord.predictionsKey("jobs/job-1/", id),
                null);
    }

    static List<PartitionResult> results() {
        PartitionResult failed =
                new PartitionResult(
                        JOB,
                        2,
                        PartitionStatus.FAILED,
                        3,
                        "r4",
                        0,
                        0,
                        50,
                        100,
                        0,
                        0,
                        0,
                        500,
                        2048,
                        700,
                        false,
                        0,
                        T0 + 6000,
                        T0 + 6500,
                        null,
                        "model output has 3 columns, expected 1");
        return List.of(
                done(1, 200, 2_000_000, 1500, 5500, 600, 1000, 600, 2000, 400, 1000, false, 0),
                failed,
                done(0, 100, 1_000_000, 1000, 3000, 100, 500, 300, 1000, 200, 900, true, 1500));
    }

    static List<AttemptRecord> attempts() {
        return List.of(
                new AttemptRecord(JOB, 0, "r0", 1, 2000, 1500, 2048, "x86_64", "DONE", T0 + 1000),
                new AttemptRecord(JOB, 1, "r1", 1, 4000, 0, 2048, "x86_64", "DONE", T0 + 1500),
                new AttemptRecord(JOB, 2, "r2", 1, 400, 0, 2048, "x86_64", "FAILED", T0 + 3000),
                new AttemptRecord(JOB, 2, "r3", 2, 450, 0, 2048, "x86_64", "FAILED", T0 + 3500),
                new AttemptRecord(JOB, 2, "r4", 3, 500, 0, 2048, "x86_64", "FAILED", T0 + 6000));
    }

    private static JobSummary summary() {
        return JobSummarizer.summarize(
                job(3),
                results(),
                attempts(),
                Optional.empty(),
                UNIT_PRICES,
                JobStatus.COMPLETE_WITH_FAILURES);
    }

    @Test
    void summarize_partitionCounts_fromResults() {
        JobSummary.Partitions partitions = summary().partitions();
        assertThat(
                        List.of(
                                partitions.total(),
                                partitions.done(),
                                partitions.failed(),
                                partitions.missing()))
                .containsExactly(3, 2, 1, 0);
    }

    @Test
    void summarize_failedPartition_listedWithErrorAndAttempts() {
        assertThat(summary().partitions().failedPartitions())
                .containsExactly(
                        new JobSummary.FailedPartition(
                                2, "model output has 3 columns, expected 1", 3));
    }

    @Test
    void summarize_samplesAndBytes_fromDonePartitionsOnce() {
        JobSummary summary = summary();
        assertThat(summary.samples()).isEqualTo(300);
        assertThat(summary.bytes()).isEqualTo(3_000_000);
    }

    @Test
    void summarize_timeline_spansAttemptsAndResults() {
        JobSummary.Timeline timeline = summary().timeline();
        assertThat(timeline.firstStartMillis()).isEqualTo(T0 + 1000);
        assertThat(timeline.lastEndMillis()).isEqualTo(T0 + 6500);
        assertThat(timeline.jobWallMillis()).isEqualTo(6500);
        assertThat(timeline.inferenceWindowMillis()).isEqualTo(5500);
        assertThat(timeline.firstStart()).isEqualTo("2023-11-14T22:13:21Z");
    }

    @Test
    void summarize_wallClockThroughput_overInferenceWindow() {
        assertThat(summary().throughput().wallClockBitsPerSecond())
                .isCloseTo(3_000_000 * 8 / 5.5, within(1e-6));
    }

    @Test
    void summarize_summedWorkerThroughput_addsPerPartitionRates() {
        // 1e6 bytes in 2 s plus 2e6 bytes in 4 s: 4e6 + 4e6 bits per second.
        assertThat(summary().throughput().summedWorkerBitsPerSecond())
                .isCloseTo(8_000_000, within(1e-6));
    }

    @Test
    void summarize_samplesPerSecond_overInferenceWindow() {
        assertThat(summary().throughput().samplesPerSecond()).isCloseTo(300 / 5.5, within(1e-9));
    }

    @Test
    void summarize_handlerStage_totalsAndPercentiles() {
        assertThat(summary().stages().handler())
                .isEqualTo(new JobSummary.StageTime(6000, new Percentiles(2, 2000, 4000, 4000)));
    }

    @Test
    void summarize_queueWaitStage_totals() {
        assertThat(summary().stages().queueWait().totalMillis()).isEqualTo(700);
    }

    @Test
    void summarize_workers_countColdStartsAndMemory() {
        assertThat(summary().workers())
                .isEqualTo(new JobSummary.Workers(5, 5, 1, 1500, 1000, 2048));
    }

    @Test
    void summarize_lambdaCompute_billsEveryAttemptWithInit() {
        // (2000 + 1500) + 4000 + 400 + 450 + 500 = 8850 ms at 2 GB = 17.7 GB-s at 1 $/GB-s.
        assertThat(summary().cost().lambdaComputeUsd()).isCloseTo(17.7, within(1e-9));
    }

    @Test
    void summarize_requestCharges_fromEstimate() {
        // SQS: 1 batch + 2 x 5 attempts = 11; DynamoDB: 4 + 5 + 2 x 3 = 15 writes, 3 + 1 = 4 reads;
        // S3: 3 + 1 = 4 PUTs, 4 + 2 x 5 + 3 = 17 GETs.
        JobSummary summary = summary();
        assertThat(summary.cost().sqsUsd()).isCloseTo(11e-6, within(1e-15));
        assertThat(summary.cost().dynamoDbUsd()).isCloseTo(19e-6, within(1e-15));
        assertThat(summary.cost().s3Usd()).isCloseTo(21e-3, within(1e-15));
    }

    @Test
    void summarize_reason_namesFailedPartitions() {
        assertThat(summary().reason()).isEqualTo("1 of 3 partitions failed");
    }

    @Test
    void summarize_outputs_listDonePredictionsInOrder() {
        assertThat(summary().outputs().predictionsKeys())
                .containsExactly(
                        "jobs/job-1/predictions/part-00000.csv",
                        "jobs/job-1/predictions/part-00001.csv");
    }

    @Test
    void summarize_missingPartition_countedAsMissing() {
        JobSummary summary =
                JobSummarizer.summarize(
                        job(4),
                        results(),
                        attempts(),
                        Optional.empty(),
                        UNIT_PRICES,
                        JobStatus.INCOMPLETE);
        assertThat(summary.partitions().missing()).isEqualTo(1);
    }

    @Test
    void summarize_duplicateResult_rejected() {
        List<PartitionResult> duplicated = new java.util.ArrayList<>(results());
        duplicated.add(results().get(0));
        assertThatThrownBy(
                        () ->
                                JobSummarizer.summarize(
                                        job(3),
                                        duplicated,
                                        attempts(),
                                        Optional.empty(),
                                        UNIT_PRICES,
                                        JobStatus.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two results for partition 1");
    }

    @Test
    void summarize_resultOutsidePartitionRange_rejected() {
        assertThatThrownBy(
                        () ->
                                JobSummarizer.summarize(
                                        job(2),
                                        results(),
                                        attempts(),
                                        Optional.empty(),
                                        UNIT_PRICES,
                                        JobStatus.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition 2, outside [0, 2)");
    }

    @Test
    void summarize_metrics_carriedThrough() {
        PhotoZMetrics metrics = new PhotoZMetrics(3, 0.1, 0.0, 0.05, 0.0, 0.9);
        JobSummary summary =
                JobSummarizer.summarize(
                        job(3),
                        results(),
                        attempts(),
                        Optional.of(metrics),
                        UNIT_PRICES,
                        JobStatus.COMPLETE_WITH_FAILURES);
        assertThat(summary.photoZMetrics()).contains(metrics);
    }

    @Test
    void failed_neverStartedJob_zeroCountsAndReason() {
        JobSummary summary = JobSummarizer.failed(job(0), "data/set.npz: not a ZIP file");
        assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
        assertThat(summary.reason()).isEqualTo("data/set.npz: not a ZIP file");
        assertThat(summary.samples()).isZero();
        assertThat(summary.cost().totalUsd()).isZero();
    }

    @Test
    void json_roundTrip_equalSummary() {
        PhotoZMetrics metrics = new PhotoZMetrics(3, 0.1, 0.0, 0.05, 0.0, Double.NaN);
        JobSummary summary =
                JobSummarizer.summarize(
                        job(3),
                        results(),
                        attempts(),
                        Optional.of(metrics),
                        UNIT_PRICES,
                        JobStatus.COMPLETE_WITH_FAILURES);
        assertThat(JobSummaryJson.read(JobSummaryJson.write(summary))).isEqualTo(summary);
    }

    @Test
    void json_projectMapper_roundTrip() {
        PhotoZMetrics metrics = new PhotoZMetrics(3, 0.1, 0.0, 0.05, 0.0, Double.NaN);
        JobSummary summary =
                JobSummarizer.summarize(
                        job(3),
                        results(),
                        attempts(),
                        Optional.of(metrics),
                        UNIT_PRICES,
                        JobStatus.COMPLETE_WITH_FAILURES);
        String json = dev.cai.json.Json.toPrettyJson(summary);
        assertThat(dev.cai.json.Json.fromJson(json, JobSummary.class)).isEqualTo(summary);
    }

    @Test
    void json_write_namesThroughputsSeparately() {
        String json = JobSummaryJson.write(summary());
        assertThat(json).contains("\"wallClockBitsPerSecond\"");
        assertThat(json).contains("\"summedWorkerBitsPerSecond\"");
    }
}
