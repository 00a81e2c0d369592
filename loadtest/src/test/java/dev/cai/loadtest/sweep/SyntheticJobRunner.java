package dev.cai.loadtest.sweep;

import dev.cai.cost.PriceTable;
import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummarizer;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A runner that does no inference but produces honest summaries: it plans partitions from the
 * dataset's real file size, gives each a handler time proportional to its bytes plus a cost per
 * batch, schedules them on two workers and summarizes the results with {@link JobSummarizer}.
 */
public final class SyntheticJobRunner implements JobRunner {

    static final long BYTES_PER_SAMPLE = 5 * 64 * 64 * 4;
    private static final double MILLIS_PER_MB = 40.0;
    private static final double MILLIS_PER_BATCH = 3.0;
    private static final int WORKERS = 2;

    private final List<JobSummary> summaries = new ArrayList<>();
    private int jobs;

    @Override
    public JobSummary run(Path dataset, long partitionBytes, int batchSize) throws Exception {
        long dataBytes = Files.size(dataset);
        int partitions = (int) ((dataBytes + partitionBytes - 1) / partitionBytes);
        String jobId = "job-" + (++jobs);
        long created = 1_000_000L * jobs;
        JobRecord job =
                new JobRecord(
                        jobId,
                        "in",
                        dataset.getFileName().toString(),
                        "e",
                        JobStatus.RUNNING,
                        created,
                        0,
                        created + 3_600_000,
                        partitions,
                        0,
                        dataBytes / BYTES_PER_SAMPLE,
                        dataBytes,
                        1024,
                        partitionBytes,
                        0,
                        batchSize,
                        false,
                        "out",
                        "jobs/" + jobId + "/",
                        null);

        long[] workerFree = new long[WORKERS];
        List<PartitionResult> results = new ArrayList<>();
        List<AttemptRecord> attempts = new ArrayList<>();
        for (int id = 0; id < partitions; id++) {
            long bytes = Math.min(partitionBytes, dataBytes - (long) id * partitionBytes);
            long samples = bytes / BYTES_PER_SAMPLE;
            long batches = (samples + batchSize - 1) / batchSize;
            long handler =
                    Math.round(bytes / 1048576.0 * MILLIS_PER_MB + batches * MILLIS_PER_BATCH) + 1;
            int worker = id % WORKERS;
            boolean cold = id < WORKERS;
            long init = cold ? 700 : 0;
            long start = Math.max(created + 50, workerFree[worker]) + init;
            long end = start + handler;
            workerFree[worker] = end;
            String requestId = jobId + "-r" + id;
            results.add(
                    new PartitionResult(
                            jobId,
                            id,
                            PartitionStatus.DONE,
                            1,
                            requestId,
                            samples,
                            bytes,
                            10,
                            handler / 2,
                            handler / 10,
                            handler / 3,
                            handler / 20,
                            handler,
                            3008,
                            800,
                            cold,
                            init,
                            start,
                            end,
                            JobRecord.predictionsKey(job.outputPrefix(), id),
                            null));
            attempts.add(
                    new AttemptRecord(
                            jobId, id, requestId, 1, handler, init, 3008, "x86_64", "DONE", start));
        }
        JobSummary summary =
                JobSummarizer.summarize(
                        job,
                        results,
                        attempts,
                        Optional.empty(),
                        PriceTable.loadDefault(),
                        JobStatus.COMPLETE);
        summaries.add(summary);
        return summary;
    }

    public List<JobSummary> summaries() {
        return summaries;
    }
}
