package dev.cai.local.cli;

import dev.cai.aws.AwsClients;
import dev.cai.aws.SqsPartitionQueue;
import dev.cai.dataset.ArrayNames;
import dev.cai.job.JobSummary;
import dev.cai.json.Json;
import dev.cai.local.LocalOptions;
import dev.cai.local.LocalPipeline;
import dev.cai.local.ProgressListener;
import dev.cai.local.aws.JobFollower;
import dev.cai.local.aws.StackResources;
import dev.cai.splitter.Rerunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cai rerun}: re-drives a finished job's failed partitions and recomputes its summary. */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        description = {
            "Sends the failed and missing partitions of a job that ended COMPLETE_WITH_FAILURES "
                    + "or INCOMPLETE to the workers again, then waits for the new summary.",
            "Without --stack, reruns a job of an earlier `cai run` in the same --out folder."
        })
final class RerunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Option(
            names = "--failed",
            required = true,
            description = "Rerun the failed and missing partitions (the only mode).")
    boolean failed;

    @Mixin StackOptions stackOptions;

    @Option(
            names = "--out",
            description = "The local run's folder (default: work/ in the checkout).")
    Path out;

    @Option(
            names = "--array-names",
            defaultValue = "",
            description = "Array names the job was run with, e.g. images=x,magnitudes=mags.")
    String arrayNames;

    @Option(
            names = "--timeout",
            defaultValue = "PT2H",
            description = "How long to wait for the job, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        JobSummary summary = stackOptions.namesStack() ? rerunOnAws() : rerunLocally();
        System.out.println(json ? Json.toPrettyJson(summary) : SummaryTable.render(summary));
        return RunCommand.exitCode(summary.status());
    }

    private JobSummary rerunOnAws() throws Exception {
        StackResources resources = stackOptions.resolve();
        if (resources.queueUrl() == null) {
            throw new IllegalArgumentException(
                    "rerun needs the partition queue: give --stack, "
                            + "or --queue-url with the explicit resources");
        }
        var table = StackOptions.jobTable(resources);
        var store = StackOptions.store();
        Rerunner rerunner =
                new Rerunner(
                        store,
                        new SqsPartitionQueue(AwsClients.sqs(), resources.queueUrl()),
                        table,
                        ArrayNames.parse(arrayNames),
                        Clock.systemUTC());
        List<Integer> partitions = rerunner.rerunFailed(jobId);
        System.err.printf("Job %s: re-sent partitions %s%n", jobId, partitions);
        return new JobFollower(table, store, Duration.ofSeconds(2))
                .await(jobId, timeout, ProgressListener.NONE);
    }

    private JobSummary rerunLocally() throws Exception {
        Path workDir = out == null ? RepositoryPaths.defaultWorkDir() : out.toAbsolutePath();
        if (!Files.exists(workDir.resolve(LocalPipeline.TABLE_FILE))) {
            throw new IllegalArgumentException(
                    "no saved local job table in "
                            + workDir
                            + ": run the job with `cai run --out "
                            + workDir
                            + "` first, or give --stack");
        }
        LocalOptions options =
                LocalOptions.defaults(workDir, RepositoryPaths.shippedModel())
                        .withModel(
                                RepositoryPaths.shippedModel(),
                                java.util.Map.of(),
                                ArrayNames.parse(arrayNames));
        try (LocalPipeline pipeline = LocalPipeline.start(options)) {
            List<Integer> partitions = pipeline.rerunFailed(jobId);
            System.err.printf("Job %s: re-sent partitions %s%n", jobId, partitions);
            return pipeline.await(jobId, timeout, ProgressListener.NONE);
        }
    }
}
