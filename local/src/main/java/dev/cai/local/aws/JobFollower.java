package dev.cai.local.aws;

import dev.cai.job.JobRecord;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.json.Json;
import dev.cai.local.ProgressListener;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Follows a job in a deployed stack's table until it ends, then reads its summary. */
public final class JobFollower {

    private final JobTable table;
    private final ObjectStore store;
    private final Duration pollInterval;

    public JobFollower(JobTable table, ObjectStore store, Duration pollInterval) {
        this.table = table;
        this.store = store;
        this.pollInterval = pollInterval;
    }

    /** Partition counts of a job at one moment. */
    public record Progress(JobRecord job, int done, int failed, int pending, long samples) {}

    /** Returns the job's current progress, or empty when the splitter has not recorded it yet. */
    public Optional<Progress> progress(String jobId) {
        Optional<JobRecord> job = table.getJob(jobId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        List<PartitionResult> results = table.listPartitionResults(jobId);
        int done = 0;
        int failed = 0;
        long samples = 0;
        for (PartitionResult result : results) {
            if (result.status() == PartitionStatus.DONE) {
                done++;
                samples += result.samples();
            } else {
                failed++;
            }
        }
        int pending = Math.max(0, job.get().partitionCount() - done - failed);
        return Optional.of(new Progress(job.get(), done, failed, pending, samples));
    }

    /**
     * Waits for the job to end and returns its summary.
     *
     * @throws TimeoutException when {@code timeout} passes first
     */
    public JobSummary await(String jobId, Duration timeout, ProgressListener listener)
            throws IOException, InterruptedException, TimeoutException {
        long start = System.currentTimeMillis();
        while (true) {
            Optional<Progress> progress = progress(jobId);
            long elapsed = System.currentTimeMillis() - start;
            if (progress.isPresent()) {
                Progress now = progress.get();
                listener.onProgress(
                        now.done() + now.failed(),
                        now.failed(),
                        now.job().partitionCount(),
                        now.samples(),
                        elapsed);
                if (now.job().status().isTerminal()) {
                    byte[] summary = store.get(now.job().outputBucket(), now.job().summaryKey());
                    return Json.fromJson(summary, JobSummary.class);
                }
            }
            if (elapsed > timeout.toMillis()) {
                throw new TimeoutException(
                        "job "
                                + jobId
                                + " did not end within "
                                + timeout
                                + (progress.isEmpty()
                                        ? "; the splitter never recorded it: check the "
                                                + "splitter function's logs in CloudWatch"
                                        : ""));
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
