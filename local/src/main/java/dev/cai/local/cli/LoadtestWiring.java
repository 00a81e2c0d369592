package dev.cai.local.cli;

import dev.cai.job.JobSummary;
import dev.cai.loadtest.cli.LoadtestCommand;
import dev.cai.loadtest.sweep.JobRunner;
import dev.cai.loadtest.sweep.Target;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import dev.cai.splitter.SplitOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
            throw new UnsupportedOperationException(
                    "--target aws is not available yet: deploy with sam deploy and upload datasets"
                            + " to the stack's input bucket instead");
        }
        Path workDir = RepositoryPaths.defaultWorkDir().resolve("loadtest");
        return (dataset, partitionBytes, batchSize) ->
                runLocally(workDir, dataset, partitionBytes, batchSize);
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
