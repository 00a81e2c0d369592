package dev.cai.splitter;

import dev.cai.job.JobStatus;

/**
 * The splitter's result for one S3 object.
 *
 * @param bucket the input bucket
 * @param key the decoded object key
 * @param jobId the job's id, or null when the object is not a dataset
 * @param status the job's status after this call, or null when ignored
 * @param partitions partitions planned
 * @param headerBytesRead bytes read to plan the job
 * @param message a sentence for logs and the command line
 */
public record SplitOutcome(
        String bucket,
        String key,
        String jobId,
        JobStatus status,
        int partitions,
        long headerBytesRead,
        String message) {}
