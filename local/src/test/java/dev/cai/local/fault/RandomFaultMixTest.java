package dev.cai.local.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.local.LocalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local pipeline under every kind of fault at once, drawn from a fixed set of seeds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomFaultMixTest {

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

    /** Returns a plan with every fault kind that lets a job end before its deadline. */
    static FaultPlan mixedPlan(long seed) {
        return FaultPlan.seeded(seed)
                .rate(FaultKind.DUPLICATE_DELIVERY, 0.15)
                .rate(FaultKind.S3_EVENT_REDELIVERY, 0.3)
                .rate(FaultKind.WORKER_CRASH, 0.15)
                .rate(FaultKind.AGGREGATOR_CRASH, 0.05)
                .rate(FaultKind.STREAM_REDELIVERY, 0.2)
                .rate(FaultKind.STREAM_REORDER, 0.3)
                .rate(FaultKind.CORRUPT_RANGE, 0.1)
                .rate(FaultKind.THROTTLING, 0.01)
                .build();
    }

    @ParameterizedTest
    @ValueSource(longs = {301, 302, 303})
    void run_mixedFaults_keepsEverySampleAccountedFor(long seed) throws Exception {
        pipeline.faults().use(mixedPlan(seed));
        Path dataset = FaultPipelines.dataset(workDir, "mixed", seed);

        JobSummary summary = FaultPipelines.run(pipeline, dataset);

        assertThat(summary.status())
                .isIn(JobStatus.COMPLETE, JobStatus.COMPLETE_WITH_FAILURES, JobStatus.INCOMPLETE);
        assertThat(pipeline.faults().counters().total()).isPositive();
        JobInvariants invariants = new JobInvariants(pipeline, dataset, FaultPipelines.PARTITIONS);
        invariants.checkOutputs(summary);
        invariants.checkBilling(summary);
    }
}
