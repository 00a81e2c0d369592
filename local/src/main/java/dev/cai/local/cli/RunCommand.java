package dev.cai.local.cli;

import dev.cai.dataset.ArrayNames;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.json.Json;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
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
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Spec CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "DATASET",
            description = "An .npz written by np.savez, or a folder of .npy files (one per array).")
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
        validateOptions();
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
            describe(outcome, input, workDir);
            JobSummary summary = awaitWithProgress(pipeline, outcome);
            print(summary, workDir, System.out);
            if (summary.status() == JobStatus.INCOMPLETE
                    || summary.status() == JobStatus.COMPLETE_WITH_FAILURES) {
                System.err.printf(
                        "Send the unfinished partitions again with: cai rerun %s --failed%s%n",
                        summary.jobId(), out == null ? "" : " --out " + workDir);
            }
            return exitCode(summary.status());
        }
    }

    /** Rejects option values that no Lambda function could have, naming the option. */
    private void validateOptions() {
        CommandLine commandLine = spec.commandLine();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ParameterException(
                    commandLine, "--timeout must be positive, such as PT10M, got " + timeout);
        }
        if (batchSize < 1) {
            throw new ParameterException(
                    commandLine, "--batch-size must be at least 1, got " + batchSize);
        }
        if (workers < 1 || workers > 64) {
            throw new ParameterException(
                    commandLine, "--workers must be from 1 to 64, got " + workers);
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new ParameterException(
                    commandLine,
                    "--memory-mb must be from 128 to 10240 " + "(Lambda's range), got " + memoryMb);
        }
        if (partitionSamples != null && partitionSamples < 1) {
            throw new ParameterException(
                    commandLine,
                    "--partition-samples must be at least 1, " + "got " + partitionSamples);
        }
        try {
            if (ByteSize.parse(partitionSize) < 1) {
                throw new ParameterException(
                        commandLine,
                        "--partition-size must be at least 1 " + "byte, got " + partitionSize);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--partition-size: " + e.getMessage());
        }
    }

    /** Prints what the splitter did, and explains when the upload repeats an existing job. */
    private static void describe(SplitOutcome outcome, Path input, Path workDir) {
        if ("job already exists".equals(outcome.message())) {
            System.err.printf(
                    "%s was already run in %s as job %s (%s), so this shows that job's summary;"
                            + " one upload makes one job. To run it again with other options, use"
                            + " another --out folder.%n",
                    input, workDir, outcome.jobId(), outcome.status());
        } else if (outcome.status() == JobStatus.FAILED) {
            System.err.printf("Job %s: FAILED before it started%n", outcome.jobId());
        } else {
            System.err.printf(
                    "Job %s: %s (splitter read %,d header bytes)%n",
                    outcome.jobId(), outcome.message(), outcome.headerBytesRead());
        }
    }

    private JobSummary awaitWithProgress(LocalPipeline pipeline, SplitOutcome outcome)
            throws Exception {
        if (outcome.status() != JobStatus.RUNNING || outcome.partitions() == 0) {
            return pipeline.await(outcome.jobId(), timeout, ProgressListener.NONE);
        }
        if (System.console() == null) {
            return pipeline.await(outcome.jobId(), timeout, new ProgressLines());
        }
        try (ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName("partitions")
                        .setInitialMax(outcome.partitions())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(250)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build()) {
            return pipeline.await(
                    outcome.jobId(),
                    timeout,
                    (ended, failed, total, samples, ms) -> {
                        bar.stepTo(ended);
                        bar.setExtraMessage(rateMessage(samples, ms, failed));
                    });
        }
    }

    private static String rateMessage(long samples, long millis, int failed) {
        double rate = millis == 0 ? 0 : samples * 1000.0 / millis;
        return String.format(
                " %,.0f samples/s since submission%s",
                rate, failed > 0 ? ", " + failed + " failed" : "");
    }

    /** Progress as one line per change, for output that is not a terminal (logs, CI). */
    private static final class ProgressLines implements ProgressListener {
        private int lastEnded = -1;

        @Override
        public void onProgress(int ended, int failed, int total, long samples, long millis) {
            if (ended != lastEnded) {
                lastEnded = ended;
                System.err.printf(
                        "partitions %d/%d%s%n", ended, total, rateMessage(samples, millis, failed));
            }
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
                "Generating a synthetic demo dataset of %d rendered galaxies (seed 42) at %s.%n"
                        + "Its magnitudes and redshifts are synthetic too, so its photo-z metrics"
                        + " test the pipeline, not the model (see model/README.md for those).%n",
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
