package dev.cai.local.cli;

import dev.cai.job.JobSummary;
import dev.cai.json.Json;
import dev.cai.local.aws.JobFollower;
import dev.cai.local.aws.StackResources;
import dev.cai.plan.ByteSize;
import dev.cai.port.ObjectInfo;
import dev.cai.splitter.JobIds;
import dev.cai.splitter.JobParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cai submit}: uploads a dataset to a deployed stack and follows the job. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description =
                "Uploads DATASET to the stack's input bucket (multipart, with progress), "
                        + "then follows the job the upload starts until its summary is written.")
final class SubmitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATASET", description = "An .npz written by np.savez.")
    Path dataset;

    @Mixin StackOptions stackOptions;

    @Option(names = "--key", description = "Object key; default: the input prefix + file name.")
    String key;

    @Option(names = "--no-wait", description = "Upload and print the job id without following it.")
    boolean noWait;

    @Option(
            names = "--timeout",
            defaultValue = "PT2H",
            description = "How long to follow the job, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(
            names = "--partition-size",
            description = "Partition size for this job, e.g. 50MB; default: the stack's.")
    String partitionSize;

    @Option(
            names = "--partition-samples",
            description = "Samples per partition for this job; default: the stack's.")
    Long partitionSamples;

    @Option(names = "--batch-size", description = "Inference batch size for this job.")
    Integer batchSize;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dataset)) {
            System.err.println("cai submit: dataset " + dataset + " not found");
            return 2;
        }
        StackResources resources = stackOptions.resolve();
        String objectKey = key != null ? key : resources.inputPrefix() + dataset.getFileName();
        var store = StackOptions.store();
        Map<String, String> metadata =
                JobParameters.metadata(
                        partitionSize == null ? null : ByteSize.parse(partitionSize),
                        partitionSamples,
                        batchSize);
        upload(store, resources.inputBucket(), objectKey, metadata);

        ObjectInfo info =
                store.head(resources.inputBucket(), objectKey)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "uploaded object " + objectKey + " is missing"));
        String jobId =
                JobIds.derive(
                        resources.inputBucket(), objectKey, info.versionId().orElse(info.etag()));
        System.err.printf(
                "Uploaded s3://%s/%s; job %s%n", resources.inputBucket(), objectKey, jobId);
        if (noWait) {
            System.out.println(jobId);
            return 0;
        }
        JobFollower follower =
                new JobFollower(StackOptions.jobTable(resources), store, Duration.ofSeconds(2));
        JobSummary summary =
                follower.await(
                        jobId,
                        timeout,
                        (ended, failed, total, samples, ms) ->
                                System.err.printf(
                                        "\r"
                                            + "%d of %d partitions ended (%d failed), %,d samples,"
                                            + " %d s ",
                                        ended, total, failed, samples, ms / 1000));
        System.err.println();
        System.out.println(json ? Json.toPrettyJson(summary) : SummaryTable.render(summary));
        return RunCommand.exitCode(summary.status());
    }

    private void upload(
            dev.cai.aws.S3ObjectStore store,
            String bucket,
            String objectKey,
            Map<String, String> metadata)
            throws Exception {
        long size = Files.size(dataset);
        try (ProgressBar bar =
                new ProgressBarBuilder()
                        .setTaskName("upload")
                        .setInitialMax(size)
                        .setUnit(" MB", 1_000_000)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build()) {
            store.upload(bucket, objectKey, dataset, metadata, (sent, total) -> bar.stepTo(sent));
        }
    }
}
