package dev.cai.local.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.splitter.SplitOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The local pipeline under one kind of fault at a time, each test with its own generated dataset
 * and plan on one shared pipeline. Every test checks the job's outputs against its dataset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleFaultPipelineTest {

    @TempDir static Path workDir;

    private LocalPipeline pipeline;

    @BeforeAll
    void startPipeline() throws Exception {
        pipeline = LocalPipeline.start(FaultPipelines.options(workDir, 20), FaultPlan.none());
    }

    @AfterAll
    void stopPipeline() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void run_noFaults_completesWithEveryRunBilled() throws Exception {
        pipeline.faults().use(FaultPlan.none());
        Path dataset = FaultPipelines.dataset(workDir, "clean", 100);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
        assertThat(pipeline.faults().counters().total()).isZero();
    }

    @Test
    void run_lateAttemptWrite_summaryBillsEveryAttempt() throws Exception {
        // Every attempt write lags its result by 1 s, so the last result always ends the job
        // before its own attempt is in the table.
        FaultPlan.Builder plan = FaultPlan.seeded(119).slowWorkerDelay(Duration.ofSeconds(1));
        for (int partition = 0; partition < 5; partition++) {
            plan.target(FaultKind.SLOW_ATTEMPT_WRITE, FaultTarget.everyAttempt(partition));
        }
        pipeline.faults().use(plan.build());
        Path dataset = FaultPipelines.dataset(workDir, "late-attempt", 119);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);
        invariants(dataset).checkBilling(summary);
        int recorded = invariants(dataset).recordedAttempts(summary.jobId()).size();

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(summary.workers().attempts()).as("attempts in the summary").isEqualTo(recorded);
    }

    @Test
    void run_duplicateDeliveries_predictsEachSampleOnce() throws Exception {
        pipeline.faults()
                .use(FaultPlan.seeded(101).rate(FaultKind.DUPLICATE_DELIVERY, 0.6).build());
        Path dataset = FaultPipelines.dataset(workDir, "duplicates", 101);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(pipeline.faults().counters().count(FaultKind.DUPLICATE_DELIVERY)).isPositive();
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void submit_redeliveredS3Event_keepsOneJob() throws Exception {
        pipeline.faults()
                .use(FaultPlan.seeded(102).rate(FaultKind.S3_EVENT_REDELIVERY, 1.0).build());
        Path dataset = FaultPipelines.dataset(workDir, "s3-event", 102);

        SplitOutcome outcome = pipeline.submit(dataset);
        SplitOutcome repeat =
                pipeline.deliverUpload(LocalPipeline.DATASET_PREFIX + dataset.getFileName());
        JobSummary summary =
                pipeline.await(outcome.jobId(), FaultPipelines.JOB_TIMEOUT, ProgressListener.NONE);

        assertThat(pipeline.faults().counters().count(FaultKind.S3_EVENT_REDELIVERY)).isEqualTo(2);
        assertThat(repeat.jobId()).isEqualTo(outcome.jobId());
        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void run_workerCrashOnFirstAttempt_retriesWithoutDuplicateRows(CrashPoint point)
            throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(103)
                                .target(FaultKind.WORKER_CRASH, FaultTarget.firstAttempt(1))
                                .target(FaultKind.WORKER_CRASH, FaultTarget.firstAttempt(3))
                                .crashAt(point)
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "crash-" + point, 103 + point.ordinal());

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(pipeline.faults().counters().count(FaultKind.WORKER_CRASH)).isEqualTo(2);
        assertThat(pipeline.faults().ledger().crashes(summary.jobId())).isEqualTo(2);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_workerCrashOnEveryAttempt_endsFailedThroughDeadLetterQueue() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(110)
                                .target(FaultKind.WORKER_CRASH, FaultTarget.everyAttempt(2))
                                .crashAt(CrashPoint.BEFORE_READ)
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "crash-always", 110);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE_WITH_FAILURES);
        assertThat(JobInvariants.failedPartitions(summary)).containsExactly(2);
        assertThat(summary.partitions().failedPartitions().get(0).error())
                .contains("dead-letter queue");
        assertThat(pipeline.faults().ledger().crashes(summary.jobId()))
                .isEqualTo(FaultPipelines.MAX_RECEIVE_COUNT);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_crashAfterWriteOnEveryAttempt_leavesNoRowsOfFailedPartition() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(118)
                                .target(FaultKind.WORKER_CRASH, FaultTarget.everyAttempt(2))
                                .crashAt(CrashPoint.AFTER_WRITE)
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "crash-after-write", 118);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);
        JobInvariants invariants = invariants(dataset);
        invariants.checkOutputs(summary);
        invariants.checkBilling(summary);

        assertThat(JobInvariants.failedPartitions(summary)).containsExactly(2);
        assertThat(invariants.storedPredictionsKeys(summary))
                .containsExactlyInAnyOrderElementsOf(summary.outputs().predictionsKeys());
    }

    @Test
    void run_poisonPartition_endsCompleteWithFailuresAndReason() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(111)
                                .target(FaultKind.CORRUPT_RANGE, FaultTarget.everyAttempt(3))
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "poison", 111);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE_WITH_FAILURES);
        assertThat(summary.reason()).contains("[3]");
        assertThat(JobInvariants.failedPartitions(summary)).containsExactly(3);
        assertThat(summary.partitions().failedPartitions().get(0).error()).contains("ended early");
        assertThat(summary.partitions().failedPartitions().get(0).attempts())
                .isEqualTo(FaultPipelines.MAX_RECEIVE_COUNT);
        assertThat(pipeline.faults().counters().count(FaultKind.CORRUPT_RANGE))
                .isEqualTo(FaultPipelines.MAX_RECEIVE_COUNT);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_poisonPartition_keepsWorkerReasonAfterDeadLetter() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(112)
                                .target(FaultKind.CORRUPT_RANGE, FaultTarget.everyAttempt(0))
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "poison-reason", 112);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);
        invariants(dataset).checkBilling(summary);
        Optional<PartitionResult> result = pipeline.table().getPartitionResult(summary.jobId(), 0);

        assertThat(result)
                .hasValueSatisfying(failed -> assertThat(failed.error()).contains("ended early"));
    }

    @Test
    void run_aggregatorCrashAfterCounting_finishesOnRedelivery() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(113)
                                .target(FaultKind.AGGREGATOR_CRASH, FaultTarget.firstAttempt(4))
                                .target(FaultKind.AGGREGATOR_CRASH, FaultTarget.firstAttempt(1))
                                .build());
        int droppedBefore = pipeline.droppedChangeRecords();
        Path dataset = FaultPipelines.dataset(workDir, "aggregator-crash", 113);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(pipeline.faults().counters().count(FaultKind.AGGREGATOR_CRASH)).isEqualTo(2);
        assertThat(pipeline.droppedChangeRecords()).isEqualTo(droppedBefore);
        JobRecord job = pipeline.table().getJob(summary.jobId()).orElseThrow();
        assertThat(job.countedPartitions()).isEqualTo(job.partitionCount());
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_streamBatchesRepeatedAndShuffled_countsEachPartitionOnce() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(114)
                                .rate(FaultKind.STREAM_REDELIVERY, 1.0)
                                .rate(FaultKind.STREAM_REORDER, 1.0)
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "stream", 114);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(pipeline.faults().counters().count(FaultKind.STREAM_REDELIVERY)).isPositive();
        JobRecord job = pipeline.table().getJob(summary.jobId()).orElseThrow();
        assertThat(job.countedPartitions()).isEqualTo(job.partitionCount());
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_throttledCalls_endsWithEverySampleAccountedFor() throws Exception {
        pipeline.faults().use(FaultPlan.seeded(115).rate(FaultKind.THROTTLING, 0.05).build());
        Path dataset = FaultPipelines.dataset(workDir, "throttled", 115);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isIn(JobStatus.COMPLETE, JobStatus.COMPLETE_WITH_FAILURES);
        assertThat(pipeline.faults().counters().count(FaultKind.THROTTLING)).isPositive();
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    @Test
    void run_lostMessage_endsIncompleteAtDeadline() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(116)
                                .target(FaultKind.LOST_MESSAGE, FaultTarget.everyAttempt(1))
                                .jobDeadline(Duration.ofSeconds(3))
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "lost", 116);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status()).isEqualTo(JobStatus.INCOMPLETE);
        assertThat(summary.reason()).contains("1 of 5 partitions unfinished").contains("[1]");
        assertThat(summary.partitions().missing()).isEqualTo(1);
        invariants(dataset).checkOutputs(summary);
        invariants(dataset).checkBilling(summary);
    }

    // Last, because expiring removes the items of every earlier job too.
    @Test
    @Order(Integer.MAX_VALUE)
    void deleteExpired_afterJob_removeRecordsChangeNothing() throws Exception {
        pipeline.faults().use(FaultPlan.none());
        Path dataset = FaultPipelines.dataset(workDir, "expiring", 117);
        JobSummary summary = FaultPipelines.run(pipeline, dataset);
        invariants(dataset).checkBilling(summary);
        int droppedBefore = pipeline.droppedChangeRecords();
        byte[] summaryBefore =
                pipeline.store().get(summary.outputs().bucket(), summary.outputs().summaryKey());

        int deleted =
                pipeline.inMemoryTable().deleteExpired(Instant.now().plus(Duration.ofDays(400)));
        awaitFeedDrained();

        assertThat(deleted).isPositive();
        assertThat(pipeline.table().getJob(summary.jobId())).isEmpty();
        assertThat(pipeline.droppedChangeRecords()).isEqualTo(droppedBefore);
        assertThat(pipeline.store().get(summary.outputs().bucket(), summary.outputs().summaryKey()))
                .isEqualTo(summaryBefore);
    }

    private void awaitFeedDrained() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pipeline.inMemoryTable().feed().pending() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        // The last polled batch may still be in the aggregator; it polls every 200 ms at most.
        Thread.sleep(1000);
    }

    private JobInvariants invariants(Path dataset) {
        return new JobInvariants(pipeline, dataset, FaultPipelines.PARTITIONS);
    }
}
