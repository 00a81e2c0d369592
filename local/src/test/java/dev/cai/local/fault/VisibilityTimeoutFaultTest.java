package dev.cai.local.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.LocalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers on one partition: the partition queue's visibility timeout (5 s) runs out while the
 * first worker stalls before writing, so the second worker receives the same message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityTimeoutFaultTest {

    private static final int VISIBILITY_TIMEOUT_SECONDS = 5;

    @TempDir static Path workDir;

    private LocalPipeline pipeline;

    @BeforeAll
    void startPipeline() throws Exception {
        pipeline =
                LocalPipeline.start(
                        FaultPipelines.options(workDir, VISIBILITY_TIMEOUT_SECONDS),
                        FaultPlan.none());
    }

    @AfterAll
    void stopPipeline() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void run_secondWorkerOnStalledPartition_leavesOneResultAndOneSetOfRows() throws Exception {
        pipeline.faults()
                .use(
                        FaultPlan.seeded(201)
                                .target(FaultKind.SLOW_WORKER, FaultTarget.firstAttempt(2))
                                .slowWorkerDelay(
                                        Duration.ofSeconds(VISIBILITY_TIMEOUT_SECONDS * 2L))
                                .build());
        Path dataset = FaultPipelines.dataset(workDir, "stalled", 201);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);
        JobInvariants invariants = new JobInvariants(pipeline, dataset, FaultPipelines.PARTITIONS);
        invariants.checkBilling(summary);
        List<AttemptRecord> attempts =
                pipeline.table().listAttempts(summary.jobId()).stream()
                        .filter(attempt -> attempt.partitionId() == 2)
                        .toList();

        assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
        assertThat(pipeline.faults().counters().count(FaultKind.SLOW_WORKER)).isEqualTo(1);
        assertThat(attempts).extracting(AttemptRecord::outcome).contains("DONE", "DUPLICATE");
        assertThat(attempts).filteredOn(attempt -> attempt.outcome().equals("DONE")).hasSize(1);
        invariants.checkOutputs(summary);
    }
}
