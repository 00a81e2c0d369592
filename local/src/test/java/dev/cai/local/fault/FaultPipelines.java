package dev.cai.local.fault;

import dev.cai.dataset.ArrayNames;
import dev.cai.job.JobSummary;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Small pipelines and datasets for the fault tests, sized to run in seconds on two cores. */
final class FaultPipelines {

    /** 48 samples per partition: a 240-sample dataset has 5 partitions of 2 batches. */
    static final PartitionSpec PARTITIONS = new PartitionSpec.BySamples(48);

    static final int BATCH_SIZE = 32;
    static final int SAMPLES = 240;
    static final int MAX_RECEIVE_COUNT = 3;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    private FaultPipelines() {}

    /**
     * Returns the options of a two-worker pipeline with one message per invocation, retries a
     * second apart and {@link #MAX_RECEIVE_COUNT} receives before the dead-letter queue.
     */
    static LocalOptions options(Path workDir, int visibilityTimeoutSeconds) {
        return new LocalOptions(
                workDir,
                2,
                1024,
                PARTITIONS,
                BATCH_SIZE,
                shippedModel(),
                ArrayNames.DEFAULT,
                Map.of(),
                MAX_RECEIVE_COUNT,
                1,
                Duration.ofSeconds(1),
                visibilityTimeoutSeconds);
    }

    static Path shippedModel() {
        String root = System.getProperty("cai.repository.root");
        return Path.of(root == null ? "." : root)
                .toAbsolutePath()
                .normalize()
                .resolve("model/saved-model");
    }

    /** Generates a labelled dataset of {@link #SAMPLES} rows named after the seed. */
    static Path dataset(Path folder, String name, long seed) throws IOException {
        Path file = folder.resolve(name + "-" + seed + ".npz");
        SyntheticDataset.generate(new GenerationRequest(file, SAMPLES, seed, true, 64));
        return file;
    }

    /** Submits a dataset and waits for its job to end. */
    static JobSummary run(LocalPipeline pipeline, Path dataset) throws Exception {
        String jobId = pipeline.submit(dataset).jobId();
        return pipeline.await(jobId, JOB_TIMEOUT, ProgressListener.NONE);
    }
}
