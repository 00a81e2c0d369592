package dev.cai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.fault.FaultKind;
import dev.cai.local.fault.FaultPlan;
import dev.cai.local.fault.FaultTarget;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import dev.cai.splitter.SplitOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job with a poison partition, rerun by a later process on the saved local table. */
class RerunTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir Path workDir;

    @Test
    void rerunFailed_afterRestart_completesWithEverySampleOnce() throws Exception {
        Path dataset = workDir.resolve("rerun-160.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 160, 5, false, 64));
        LocalOptions options =
                LocalOptions.defaults(workDir, TestPaths.shippedModel())
                        .withWorkers(1)
                        .withPartitioning(new PartitionSpec.BySamples(40), 20);
        FaultPlan poison =
                FaultPlan.seeded(1)
                        .target(FaultKind.CORRUPT_RANGE, FaultTarget.everyAttempt(2))
                        .build();

        String jobId;
        try (LocalPipeline first = LocalPipeline.start(options, poison)) {
            SplitOutcome outcome = first.submit(dataset);
            jobId = outcome.jobId();
            JobSummary failed = first.await(jobId, TIMEOUT, ProgressListener.NONE);
            assertThat(failed.status()).isEqualTo(JobStatus.COMPLETE_WITH_FAILURES);
            assertThat(failed.partitions().failed()).isEqualTo(1);
            assertThat(failed.partitions().failedPartitions().get(0).partitionId()).isEqualTo(2);
            assertThat(failed.samples()).isEqualTo(120);
        }

        try (LocalPipeline second = LocalPipeline.start(options)) {
            List<Integer> resent = second.rerunFailed(jobId);
            JobSummary summary = second.await(jobId, TIMEOUT, ProgressListener.NONE);

            assertThat(resent).containsExactly(2);
            assertThat(summary.status()).isEqualTo(JobStatus.COMPLETE);
            assertThat(summary.samples()).isEqualTo(160);
            assertThat(summary.partitions().failed()).isZero();
            assertThat(idCounts(second, summary).values()).containsOnly(1);
            assertThat(idCounts(second, summary)).hasSize(160);
        }
    }

    @Test
    void rerunFailed_completeJob_isRejected() throws Exception {
        Path dataset = workDir.resolve("complete-40.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 40, 9, false, 64));
        LocalOptions options =
                LocalOptions.defaults(workDir, TestPaths.shippedModel())
                        .withWorkers(1)
                        .withPartitioning(new PartitionSpec.BySamples(40), 20);

        try (LocalPipeline pipeline = LocalPipeline.start(options)) {
            String jobId = pipeline.submit(dataset).jobId();
            pipeline.await(jobId, TIMEOUT, ProgressListener.NONE);

            assertThatThrownBy(() -> pipeline.rerunFailed(jobId))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(jobId)
                    .hasMessageContaining("COMPLETE");
        }
    }

    private static Map<Long, Integer> idCounts(LocalPipeline pipeline, JobSummary summary)
            throws Exception {
        Map<Long, Integer> counts = new HashMap<>();
        for (String key : summary.outputs().predictionsKeys()) {
            String csv =
                    new String(
                            pipeline.store().get(summary.outputs().bucket(), key),
                            StandardCharsets.UTF_8);
            String[] lines = csv.split("\n");
            for (int i = 1; i < lines.length; i++) {
                counts.merge(Long.parseLong(lines[i].split(",")[0]), 1, Integer::sum);
            }
        }
        return counts;
    }
}
