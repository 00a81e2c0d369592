package dev.cai.aggregator;

import dev.cai.cost.PriceTable;
import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummarizer;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.job.PhotoZAccumulator;
import dev.cai.job.PhotoZMetrics;
import dev.cai.json.Json;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a job: computes its summary from the partition results themselves (one item per partition,
 * so nothing can be counted twice), writes {@code summary.json}, then moves the job to its terminal
 * status. Running it twice writes the same summary, and only the first status change succeeds, so a
 * redelivered stream record or a crash between the two writes is harmless.
 */
public final class JobFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(JobFinisher.class);
    private static final Set<JobStatus> UNFINISHED =
            Set.of(JobStatus.SUBMITTING, JobStatus.RUNNING);

    private final JobTable table;
    private final ObjectStore store;
    private final PriceTable prices;

    public JobFinisher(JobTable table, ObjectStore store, PriceTable prices) {
        this.table = table;
        this.store = store;
        this.prices = prices;
    }

    /**
     * Finishes a job whose partitions have all ended.
     *
     * @return the summary written, or empty when a partition has no result yet
     */
    public Optional<JobSummary> finishIfComplete(JobRecord job) throws IOException {
        List<PartitionResult> results = table.listPartitionResults(job.jobId());
        if (results.size() < job.partitionCount()) {
            return Optional.empty();
        }
        long failed = results.stream().filter(r -> r.status() == PartitionStatus.FAILED).count();
        JobStatus status = JobStatus.COMPLETE;
        String reason = null;
        if (!results.isEmpty() && failed == results.size()) {
            // Nothing was predicted, as when the dataset does not fit the model: the job failed.
            status = JobStatus.FAILED;
            reason = "every partition failed; the first reason: " + results.get(0).error();
        } else if (failed > 0) {
            status = JobStatus.COMPLETE_WITH_FAILURES;
            reason = failedPartitionsReason(results);
        }
        return Optional.of(finish(job, results, status, reason));
    }

    /** Ends an overdue job INCOMPLETE, listing the partitions that never ended. */
    public JobSummary finishOverdue(JobRecord job) throws IOException {
        return finishIncomplete(job, "deadline passed");
    }

    /**
     * Ends a job INCOMPLETE because its remaining partitions will never end, listing them.
     *
     * @param cause why, for the reason, for example "deadline passed"
     */
    public JobSummary finishIncomplete(JobRecord job, String cause) throws IOException {
        List<PartitionResult> results = table.listPartitionResults(job.jobId());
        List<Integer> missing = new ArrayList<>();
        boolean[] seen = new boolean[job.partitionCount()];
        for (PartitionResult result : results) {
            if (result.partitionId() >= 0 && result.partitionId() < seen.length) {
                seen[result.partitionId()] = true;
            }
        }
        for (int id = 0; id < seen.length; id++) {
            if (!seen[id]) {
                missing.add(id);
            }
        }
        String reason =
                cause
                        + " with "
                        + missing.size()
                        + " of "
                        + job.partitionCount()
                        + " partitions unfinished: "
                        + abbreviate(missing);
        return finish(job, results, JobStatus.INCOMPLETE, reason);
    }

    private JobSummary finish(
            JobRecord job, List<PartitionResult> results, JobStatus status, String reason)
            throws IOException {
        deleteFailedPredictions(job, results);
        List<AttemptRecord> attempts = table.listAttempts(job.jobId());
        Optional<PhotoZMetrics> metrics =
                job.hasLabels() ? scoredOrEmpty(job, results) : Optional.empty();
        JobRecord ended = job.withStatus(status, reason, lastEnd(results, job));
        JobSummary summary =
                JobSummarizer.summarize(ended, results, attempts, metrics, prices, status);
        store.put(
                job.outputBucket(),
                job.summaryKey(),
                Json.toPrettyJsonBytes(summary),
                "application/json");
        if (table.transitionJob(job.jobId(), UNFINISHED, status, reason)) {
            LOG.info(
                    "job {} ended {}: summary at s3://{}/{}",
                    job.jobId(),
                    status,
                    job.outputBucket(),
                    job.summaryKey());
        } else {
            LOG.info("job {} had already ended; its summary was rewritten unchanged", job.jobId());
        }
        return summary;
    }

    /**
     * Deletes any predictions object of a partition that did not end DONE: a worker may have
     * written one before it crashed, and rows of a failed partition must not sit among the job's
     * outputs. The summary lists only the DONE partitions' files.
     */
    private void deleteFailedPredictions(JobRecord job, List<PartitionResult> results)
            throws IOException {
        boolean[] done = new boolean[job.partitionCount()];
        for (PartitionResult result : results) {
            if (result.status() == PartitionStatus.DONE && result.partitionId() < done.length) {
                done[result.partitionId()] = true;
            }
        }
        for (int id = 0; id < done.length; id++) {
            if (!done[id]) {
                store.delete(job.outputBucket(), job.predictionsKey(id));
            }
        }
    }

    /**
     * Scores the predictions, or returns empty when they cannot be scored: the job must end with
     * its summary whatever its labels hold.
     */
    private Optional<PhotoZMetrics> scoredOrEmpty(JobRecord job, List<PartitionResult> results)
            throws IOException {
        try {
            return photoZ(job, results);
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "job {}: photo-z metrics left out of the summary: {}",
                    job.jobId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads the predictions of every finished partition and scores them against the labels. */
    private Optional<PhotoZMetrics> photoZ(JobRecord job, List<PartitionResult> results)
            throws IOException {
        PhotoZAccumulator accumulator = new PhotoZAccumulator();
        for (PartitionResult result : results) {
            if (result.status() != PartitionStatus.DONE || result.predictionsKey() == null) {
                continue;
            }
            byte[] csv = store.get(job.outputBucket(), result.predictionsKey());
            PredictionColumns columns =
                    PredictionColumns.parse(
                            new String(csv, StandardCharsets.UTF_8), result.predictionsKey());
            if (columns.zTrue() != null) {
                PredictionColumns finite = columns.finiteOnly();
                if (finite.zPred().length < columns.zPred().length) {
                    LOG.warn(
                            "{} of {} rows in {} have a non-finite prediction or label, or a"
                                    + " label at or below -1, and are left out of the photo-z"
                                    + " metrics",
                            columns.zPred().length - finite.zPred().length,
                            columns.zPred().length,
                            result.predictionsKey());
                }
                accumulator.add(finite.zPred(), finite.zTrue());
            }
        }
        return accumulator.metrics();
    }

    private static long lastEnd(List<PartitionResult> results, JobRecord job) {
        long last = 0;
        for (PartitionResult result : results) {
            last = Math.max(last, result.endedAtMillis());
        }
        return last == 0 ? job.createdAtMillis() : last;
    }

    private static String failedPartitionsReason(List<PartitionResult> results) {
        List<Integer> failed = new ArrayList<>();
        for (PartitionResult result : results) {
            if (result.status() == PartitionStatus.FAILED) {
                failed.add(result.partitionId());
            }
        }
        String noun = failed.size() == 1 ? " partition failed: " : " partitions failed: ";
        return failed.size() + noun + abbreviate(failed);
    }

    private static String abbreviate(List<Integer> ids) {
        if (ids.size() <= 20) {
            return ids.toString();
        }
        return ids.subList(0, 20) + " and " + (ids.size() - 20) + " more";
    }
}
