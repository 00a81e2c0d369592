package dev.cai.local.cli;

import dev.cai.dataset.ArrayNames;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.json.Json;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.plan.ByteSize;
import dev.cai.plan.PartitionSpec;
import dev.cai.render.GenerationReport;
import dev.cai.render.GenerationRequest;
import dev.cai.render.SyntheticDataset;
import dev.cai.splitter.SplitOutcome;
import dev.cai.worker.WorkerSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cai run}: one job through splitter, workers and aggregator on embedded stand-ins. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a job on this machine: uploads DATASET to an embedded S3, delivers the S3 event "
                    + "to the splitter, runs workers from an embedded SQS queue and the "
                    + "aggregator from the job table's change feed, then prints the summary.",
            "Without DATASET, generates a small synthetic demo dataset first."
        })
final class RunCommand implements Callable<Integer> {

    /** Exit status of a job that ended with failed partitions. */
    static final int EXIT_PARTIAL = 3;

    @Parameters(
            arity = "0..1",
            paramLabel = "DATASET",
            description = "An .npz written by np.savez, an .npy, or a folder of .npy files.")
    Path dataset;

    @Option(
            names = "--partition-size",
            defaultValue = "25MB",
            description = "Target partition size, e.g. 25MB, 64MiB (default: ${DEFAULT-VALUE}).")
    String partitionSize;

    @Option(
            names = "--partition-samples",
            description = "Samples per partition; overrides --partition-size.")
    Long partitionSamples;

    @Option(
            names = "--batch-size",
            defaultValue = "512",
            description = "Rows per inference batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--workers",
            defaultValue = "2",
            description = "Concurrent worker containers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(
            names = "--memory-mb",
            defaultValue = "3008",
            description =
                    "Memory each worker reports as configured, used for the cost "
                            + "(default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(
            names = "--out",
            description =
                    "Folder for the local buckets' objects " + "(default: work/ in the checkout).")
    Path out;

    @Option(names = "--model", description = "SavedModel directory (default: the shipped model).")
    Path model;

    @Option(
            names = "--array-names",
            defaultValue = "",
            description =
                    "Names of the dataset's arrays in the file, e.g. images=x,magnitudes=mags.")
    String arrayNames;

    @Option(
            names = "--model-inputs",
            defaultValue = "",
            description = "Signature inputs to dataset arrays, e.g. stamps=images,mags=magnitudes.")
    String modelInputs;

    @Option(
            names = "--timeout",
            defaultValue = "PT60M",
            description = "How long to wait for the job, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--demo-samples",
            defaultValue = "1024",
            description = "Samples in the generated demo dataset (default: ${DEFAULT-VALUE}).")
    int demoSamples;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path workDir = out == null ? RepositoryPaths.defaultWorkDir() : out.toAbsolutePath();
        Files.createDirectories(workDir);
        Path input = dataset == null ? demoDataset(workDir) : dataset;
        if (!Files.exists(input)) {
            System.err.println("cai run: dataset " + input + " not found");
            return 2;
        }
        LocalOptions options = options(workDir);
        System.err.printf(
                "Starting the local stack (%d workers, model %s)%n", workers, options.modelPath());
        try (LocalPipeline pipeline = LocalPipeline.start(options)) {
            SplitOutcome outcome = pipeline.submit(input);
            if (outcome.jobId() == null) {
                System.err.println("cai run: " + outcome.message());
                return 2;
            }
            System.err.printf(
                    "Job %s: %s (splitter read %,d header bytes)%n",
                    outcome.jobId(), outcome.message(), outcome.headerBytesRead());
            JobSummary summary = awaitWithProgress(pipeline, outcome);
            print(summary, workDir, System.out);
            return exitCode(summary.status());
        }
    }

    private JobSummary awaitWithProgress(LocalPipeline pipeline, SplitOutcome outcome)
            throws Exception {
        if (outcome.status() == JobStatus.FAILED || outcome.partitions() == 0) {
            return pipeline.await(outcome.jobId(), timeout, (e, f, t, s, ms) -> {});
        }
        try (ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName("partitions")
                        .setInitialMax(outcome.partitions())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .setConsumer(
                                new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build()) {
            return pipeline.await(
                    outcome.jobId(),
                    timeout,
                    (ended, failed, total, samples, ms) -> {
                        bar.stepTo(ended);
                        double rate = ms == 0 ? 0 : samples * 1000.0 / ms;
                        bar.setExtraMessage(
                                String.format(
                                        " %,.0f samples/s%s",
                                        rate, failed > 0 ? ", " + failed + " failed" : ""));
                    });
        }
    }

    private LocalOptions options(Path workDir) {
        PartitionSpec spec =
                partitionSamples != null
                        ? new PartitionSpec.BySamples(partitionSamples)
                        : new PartitionSpec.BySize(ByteSize.parse(partitionSize));
        Path modelPath = model == null ? RepositoryPaths.shippedModel() : model.toAbsolutePath();
        return LocalOptions.defaults(workDir, modelPath)
                .withWorkers(workers)
                .withMemoryMb(memoryMb)
                .withPartitioning(spec, batchSize)
                .withModel(
                        modelPath,
                        WorkerSettings.parseMapping(modelInputs),
                        ArrayNames.parse(arrayNames));
    }

    private Path demoDataset(Path workDir) throws Exception {
        Path file = workDir.resolve("demo-" + demoSamples + ".npz");
        if (Files.exists(file)) {
            System.err.println("Using the synthetic demo dataset " + file);
            return file;
        }
        System.err.printf(
                "Generating a synthetic demo dataset of %d rendered galaxies (seed 42) "
                        + "at %s%n",
                demoSamples, file);
        GenerationReport report =
                SyntheticDataset.generate(new GenerationRequest(file, demoSamples, 42, true, 64));
        System.err.printf("Wrote %,d bytes in %.1f s%n", report.bytes(), report.seconds());
        return file;
    }

    private void print(JobSummary summary, Path workDir, PrintStream out) {
        if (json) {
            out.println(Json.toPrettyJson(summary));
            return;
        }
        out.println(SummaryTable.render(summary, workDir.resolve("s3")));
    }

    static int exitCode(JobStatus status) {
        return switch (status) {
            case COMPLETE -> 0;
            case COMPLETE_WITH_FAILURES -> EXIT_PARTIAL;
            default -> 1;
        };
    }
}
