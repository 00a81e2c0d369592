package dev.cai.local.cli;

import dev.cai.aws.S3ObjectStore;
import dev.cai.aws.UploadProgress;
import dev.cai.job.JobSummary;
import dev.cai.loadtest.cli.LoadtestCommand;
import dev.cai.loadtest.sweep.JobRunner;
import dev.cai.loadtest.sweep.Target;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.local.aws.JobFollower;
import dev.cai.local.aws.StackResources;
import dev.cai.plan.PartitionSpec;
import dev.cai.port.ObjectInfo;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import dev.cai.splitter.JobIds;
import dev.cai.splitter.JobParameters;
import dev.cai.splitter.SplitOutcome;
import dev.cai.worker.model.SavedModelPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** Connects the load-test sweeps to the local runtime and the synthetic dataset generator. */
final class LoadtestWiring {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(60);

    private LoadtestWiring() {}

    static LoadtestCommand command() {
        Path workDir = RepositoryPaths.defaultWorkDir().resolve("loadtest");
        return new LoadtestCommand(LoadtestWiring::runner, bytes -> dataset(workDir, bytes));
    }

    private static JobRunner runner(Target target, String stackName) {
        if (target == Target.AWS) {
            return awsRunner(stackName);
        }
        warmUp();
        Path workDir = RepositoryPaths.defaultWorkDir().resolve("loadtest");
        return (dataset, partitionBytes, batchSize) ->
                runLocally(workDir, dataset, partitionBytes, batchSize);
    }

    /**
     * Returns a runner for a deployed stack. Each run uploads its dataset under a key of its own,
     * so every run is a new job, and puts the run's partition and batch size in the upload's
     * metadata. The runner then follows the job to its summary.
     */
    private static JobRunner awsRunner(String stackName) {
        AwsRegion.require();
        StackResources resources;
        try (CloudFormationClient cloudFormation = CloudFormationClient.create()) {
            resources = StackResources.describe(cloudFormation, stackName);
        }
        S3ObjectStore store = StackOptions.store();
        JobFollower follower =
                new JobFollower(StackOptions.jobTable(resources), store, Duration.ofSeconds(2));
        return (dataset, partitionBytes, batchSize) -> {
            String key =
                    resources.inputPrefix()
                            + "loadtest/"
                            + UUID.randomUUID()
                            + "/"
                            + dataset.getFileName();
            store.upload(
                    resources.inputBucket(),
                    key,
                    dataset,
                    JobParameters.metadata(partitionBytes, null, batchSize),
                    UploadProgress.NONE);
            ObjectInfo info =
                    store.head(resources.inputBucket(), key)
                            .orElseThrow(() -> new IllegalStateException(key + " is missing"));
            String jobId =
                    JobIds.derive(
                            resources.inputBucket(), key, info.versionId().orElse(info.etag()));
            return follower.await(jobId, JOB_TIMEOUT, ProgressListener.NONE);
        };
    }

    /**
     * Runs one job on a fresh local stack, so each run starts with cold worker containers and an
     * empty queue, as a job on an idle deployed stack does.
     */
    private static JobSummary runLocally(
            Path workDir, Path dataset, long partitionBytes, int batchSize) throws Exception {
        Path runDir = Files.createTempDirectory(Files.createDirectories(workDir), "run-");
        LocalOptions options =
                LocalOptions.defaults(runDir, RepositoryPaths.shippedModel())
                        .withPartitioning(new PartitionSpec.BySize(partitionBytes), batchSize);
        try (LocalPipeline pipeline = LocalPipeline.start(options)) {
            SplitOutcome outcome = pipeline.submit(dataset);
            return pipeline.await(outcome.jobId(), JOB_TIMEOUT, ProgressListener.NONE);
        } finally {
            deleteRecursively(runDir);
        }
    }

    /**
     * Loads TensorFlow into this JVM before the first run. Every local run shares the JVM, so
     * without this the first run alone would pay the one-time library load in its INIT time and
     * cost, and a sweep's result would depend on the order of its points.
     */
    private static void warmUp() {
        SavedModelPredictor.load(RepositoryPaths.shippedModel(), Map.of()).close();
    }

    private static Path dataset(Path workDir, long bytes) throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("datasets"));
        Path file = folder.resolve("synthetic-" + bytes + ".npz");
        if (!Files.exists(file)) {
            long samples = SyntheticDataset.samplesForBytes(bytes, 64, true);
            SyntheticDataset.generate(new GenerationRequest(file, samples, 42, true, 64));
        }
        return file;
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
