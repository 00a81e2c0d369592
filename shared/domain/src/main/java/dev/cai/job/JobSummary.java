package dev.cai.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cai.cost.CostBreakdown;
import java.util.List;
import java.util.Optional;

/**
 * The job's result, written as {@code summary.json} next to its predictions. Times are epoch
 * milliseconds with an ISO-8601 UTC copy, durations are milliseconds, rates are per second.
 *
 * @param jobId the job
 * @param inputBucket bucket of the dataset
 * @param inputKey key of the dataset
 * @param status the job's terminal state (or the current one for a summary written early)
 * @param reason why the job failed, ended incomplete or has failed partitions, else null
 * @param partitions partition counts and the failed partitions
 * @param samples rows predicted, counted once per DONE partition
 * @param bytes input bytes of the DONE partitions
 * @param headerBytesRead bytes the splitter read to plan the job
 * @param timeline when the job and its workers started and ended
 * @param throughput rates over the inference window and per worker
 * @param stages per-stage totals and per-partition percentiles, over DONE partitions
 * @param workers Lambda invocations, cold starts and memory
 * @param cost list-price cost of the job
 * @param photoZ photo-z metrics when the dataset has labels, else null
 * @param outputs where the predictions and this summary are
 */
public record JobSummary(
        String jobId,
        String inputBucket,
        String inputKey,
        JobStatus status,
        String reason,
        Partitions partitions,
        long samples,
        long bytes,
        long headerBytesRead,
        Timeline timeline,
        Throughput throughput,
        StageTimings stages,
        Workers workers,
        CostBreakdown cost,
        PhotoZMetrics photoZ,
        Outputs outputs) {

    /** Returns the photo-z metrics, empty when the dataset had no labels. */
    @JsonIgnore
    public Optional<PhotoZMetrics> photoZMetrics() {
        return Optional.ofNullable(photoZ);
    }

    /**
     * Partition counts. {@code total - done - failed} partitions have no result yet.
     *
     * @param total partitions planned
     * @param done partitions with a DONE result
     * @param failed partitions with a FAILED result
     * @param missing partitions without a result (an INCOMPLETE job)
     * @param failedPartitions one entry per FAILED partition, by partition id
     */
    public record Partitions(
            int total, int done, int failed, int missing, List<FailedPartition> failedPartitions) {

        public Partitions {
            failedPartitions = List.copyOf(failedPartitions);
        }
    }

    /**
     * A partition that failed for good.
     *
     * @param partitionId the partition
     * @param error the worker's failure reason
     * @param attempts worker attempts recorded for it, at least the SQS receive count of its last
     *     result
     */
    public record FailedPartition(int partitionId, String error, int attempts) {}

    /**
     * When the job ran.
     *
     * @param createdAtMillis when the splitter recorded the job
     * @param createdAt the same, ISO-8601
     * @param firstStartMillis earliest start of any worker attempt, 0 when none ran
     * @param firstStart the same, ISO-8601, or null
     * @param lastEndMillis latest end of any worker attempt, 0 when none ran
     * @param lastEnd the same, ISO-8601, or null
     * @param jobWallMillis from job creation to the last worker end
     * @param inferenceWindowMillis from the first worker start to the last worker end
     */
    public record Timeline(
            long createdAtMillis,
            String createdAt,
            long firstStartMillis,
            String firstStart,
            long lastEndMillis,
            String lastEnd,
            long jobWallMillis,
            long inferenceWindowMillis) {}

    /**
     * Rates of the job. Zero when the window or the handler times are zero.
     *
     * @param wallClockBitsPerSecond {@code bytes * 8} over the inference window: what the job as a
     *     whole achieved
     * @param summedWorkerBitsPerSecond sum over DONE partitions of {@code bytes * 8 / handler
     *     time}: what the workers achieved added up, higher than the wall-clock rate whenever
     *     workers wait or do not overlap perfectly
     * @param samplesPerSecond samples over the inference window
     */
    public record Throughput(
            double wallClockBitsPerSecond,
            double summedWorkerBitsPerSecond,
            double samplesPerSecond) {}

    /**
     * One stage's time across partitions.
     *
     * @param totalMillis sum over partitions
     * @param perPartition nearest-rank percentiles of the per-partition times
     */
    public record StageTime(long totalMillis, Percentiles perPartition) {}

    /**
     * Stage times of the DONE partitions, as the workers measured them.
     *
     * @param queueWait from the message's SentTimestamp to the handler's start on it
     * @param read waiting on ranged GET streams
     * @param decode bytes to float32 tensors
     * @param infer in the predictor
     * @param write writing predictions
     * @param handler the whole time on the message
     */
    public record StageTimings(
            StageTime queueWait,
            StageTime read,
            StageTime decode,
            StageTime infer,
            StageTime write,
            StageTime handler) {}

    /**
     * Worker Lambda usage.
     *
     * @param attempts worker attempts recorded, failed and duplicate ones included
     * @param invocations distinct Lambda request ids among the attempts
     * @param coldStarts attempts with a non-zero INIT time (results flagged cold when no attempt
     *     was recorded)
     * @param initMillisTotal INIT time summed over those cold starts
     * @param peakMemoryMbMax largest peak resident memory any DONE or FAILED partition reported
     * @param configuredMemoryMb configured memory of the workers, the largest when they differ
     */
    public record Workers(
            int attempts,
            int invocations,
            int coldStarts,
            long initMillisTotal,
            long peakMemoryMbMax,
            int configuredMemoryMb) {}

    /**
     * Locations of the job's outputs.
     *
     * @param bucket output bucket
     * @param prefix key prefix of this job's outputs
     * @param summaryKey key of {@code summary.json}
     * @param predictionsKeys keys of the DONE partitions' predictions files, by partition id
     */
    public record Outputs(
            String bucket, String prefix, String summaryKey, List<String> predictionsKeys) {

        public Outputs {
            predictionsKeys = List.copyOf(predictionsKeys);
        }
    }
}
