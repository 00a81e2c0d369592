package dev.cai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.dataset.NpyDType;
import dev.cai.dataset.NpzWriter;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.fault.FaultKind;
import dev.cai.local.fault.FaultPlan;
import dev.cai.local.fault.FaultTarget;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runtime's work folder across processes, and datasets the model cannot take. */
class WorkFolderTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir Path workDir;

    private LocalOptions options() {
        return LocalOptions.defaults(workDir, TestPaths.shippedModel())
                .withWorkers(1)
                .withPartitioning(new PartitionSpec.BySamples(20), 10);
    }

    @Test
    void start_folderInUse_isRejected() throws Exception {
        try (LocalPipeline first = LocalPipeline.start(options())) {
            assertThatThrownBy(() -> LocalPipeline.start(options()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(workDir.toString())
                    .hasMessageContaining("--out");
        }
    }

    @Test
    void start_afterInterruptedRun_endsItsJobIncomplete() throws Exception {
        Path dataset = workDir.resolve("interrupted.npz");
        SyntheticDataset.generate(new GenerationRequest(dataset, 60, 3, false, 64));
        FaultPlan stall =
                FaultPlan.seeded(2)
                        .target(FaultKind.LOST_MESSAGE, FaultTarget.everyAttempt(1))
                        .build();
        String jobId;
        try (LocalPipeline first = LocalPipeline.start(options(), stall)) {
            jobId = first.submit(dataset).jobId();
            waitForResults(first, jobId, 2);
        }

        try (LocalPipeline second = LocalPipeline.start(options())) {
            JobSummary summary = second.await(jobId, TIMEOUT, ProgressListener.NONE);

            assertThat(summary.status()).isEqualTo(JobStatus.INCOMPLETE);
            assertThat(summary.reason()).contains("stopped before it ended").contains("[1]");
            assertThat(second.rerunFailed(jobId)).containsExactly(1);
            JobSummary rerun = second.await(jobId, TIMEOUT, ProgressListener.NONE);
            assertThat(rerun.status()).isEqualTo(JobStatus.COMPLETE);
            assertThat(rerun.samples()).isEqualTo(60);
        }
    }

    @Test
    void run_fourBandImages_failsEveryPartitionOnceWithTheSignature() throws Exception {
        Path dataset = workDir.resolve("four-bands.npz");
        int rows = 40;
        try (NpzWriter writer =
                new NpzWriter(
                        dataset,
                        List.of(
                                new NpzWriter.ArraySpec(
                                        "images",
                                        NpyDType.FLOAT32_LE,
                                        new long[] {rows, 4, 64, 64}),
                                new NpzWriter.ArraySpec(
                                        "magnitudes",
                                        NpyDType.FLOAT32_LE,
                                        new long[] {rows, 4})))) {
            writer.writeRows("images", new float[rows * 4 * 64 * 64], 0, rows * 4 * 64 * 64);
            writer.writeRows("magnitudes", new float[rows * 4], 0, rows * 4);
        }

        try (LocalPipeline pipeline = LocalPipeline.start(options())) {
            String jobId = pipeline.submit(dataset).jobId();
            JobSummary summary = pipeline.await(jobId, TIMEOUT, ProgressListener.NONE);

            assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
            assertThat(summary.reason()).contains("images");
            assertThat(summary.partitions().failed()).isEqualTo(2);
            assertThat(summary.workers().attempts()).isEqualTo(2);
        }
    }

    private static void waitForResults(LocalPipeline pipeline, String jobId, int count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (pipeline.table().listPartitionResults(jobId).size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + jobId + " never recorded " + count + " results");
            }
            Thread.sleep(200);
        }
    }
}
