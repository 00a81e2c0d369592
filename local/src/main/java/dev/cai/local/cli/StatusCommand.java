package dev.cai.local.cli;

import dev.cai.local.aws.JobFollower;
import dev.cai.local.aws.StackResources;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cai status}: one job's progress in a deployed stack. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows a job's status and its partitions done, failed and pending.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id (printed by cai submit).")
    String jobId;

    @Mixin StackOptions stackOptions;

    @Override
    public Integer call() {
        StackResources resources = stackOptions.resolve();
        JobFollower follower =
                new JobFollower(
                        StackOptions.jobTable(resources),
                        StackOptions.store(),
                        Duration.ofSeconds(2));
        Optional<JobFollower.Progress> progress = follower.progress(jobId);
        if (progress.isEmpty()) {
            System.err.println(
                    "cai status: job " + jobId + " not found in table " + resources.jobTable());
            return 2;
        }
        JobFollower.Progress now = progress.get();
        System.out.printf("job         %s%n", jobId);
        System.out.printf(
                "status      %s%s%n",
                now.job().status(),
                now.job().reason() == null ? "" : " (" + now.job().reason() + ")");
        System.out.printf("input       s3://%s/%s%n", now.job().bucket(), now.job().key());
        System.out.printf(
                "partitions  %d done, %d failed, %d pending of %d%n",
                now.done(), now.failed(), now.pending(), now.job().partitionCount());
        System.out.printf("samples     %,d of %,d%n", now.samples(), now.job().rows());
        if (now.job().status().isTerminal()) {
            System.out.printf(
                    "summary     s3://%s/%s%n", now.job().outputBucket(), now.job().summaryKey());
        }
        return 0;
    }
}
