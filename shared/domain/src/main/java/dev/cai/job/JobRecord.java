package dev.cai.job;

/**
 * The job item: the splitter's plan and the job's current state.
 *
 * @param jobId derived from bucket, key and ETag or version id, so a redelivered event maps to the
 *     same job
 * @param bucket input bucket
 * @param key the object that started the job
 * @param etag the object's ETag (or version id) at planning time
 * @param status current state
 * @param createdAtMillis epoch milliseconds when the splitter recorded the job
 * @param finishedAtMillis epoch milliseconds when the job reached a terminal state, or 0
 * @param deadlineAtMillis epoch milliseconds after which an unfinished job ends INCOMPLETE
 * @param partitionCount number of partitions planned (0 when planning failed)
 * @param countedPartitions number of partitions the aggregator has counted
 * @param rows samples in the dataset
 * @param dataBytes bytes of array data in the dataset, headers excluded
 * @param headerBytesRead bytes the splitter read to plan the job
 * @param partitionBytes target partition size in bytes, or 0 when partitioned by sample count
 * @param partitionSamples samples per partition, or 0 when partitioned by size
 * @param batchSize inference batch size
 * @param hasLabels whether the dataset has a {@code redshifts} array
 * @param outputBucket where predictions and the summary go
 * @param outputPrefix key prefix of this job's outputs, ending in {@code /}
 * @param reason why the job failed or ended incomplete, or null
 */
public record JobRecord(
        String jobId,
        String bucket,
        String key,
        String etag,
        JobStatus status,
        long createdAtMillis,
        long finishedAtMillis,
        long deadlineAtMillis,
        int partitionCount,
        int countedPartitions,
        long rows,
        long dataBytes,
        long headerBytesRead,
        long partitionBytes,
        long partitionSamples,
        int batchSize,
        boolean hasLabels,
        String outputBucket,
        String outputPrefix,
        String reason) {

    /** Returns the key of the job's {@code summary.json}. */
    public String summaryKey() {
        return outputPrefix + "summary.json";
    }

    /** Returns the key of one partition's predictions file. */
    public String predictionsKey(int partitionId) {
        return predictionsKey(outputPrefix, partitionId);
    }

    public static String predictionsKey(String outputPrefix, int partitionId) {
        return String.format("%spredictions/part-%05d.csv", outputPrefix, partitionId);
    }

    public JobRecord withStatus(JobStatus newStatus, String newReason, long finishedAt) {
        return new JobRecord(
                jobId,
                bucket,
                key,
                etag,
                newStatus,
                createdAtMillis,
                finishedAt,
                deadlineAtMillis,
                partitionCount,
                countedPartitions,
                rows,
                dataBytes,
                headerBytesRead,
                partitionBytes,
                partitionSamples,
                batchSize,
                hasLabels,
                outputBucket,
                outputPrefix,
                newReason);
    }

    public JobRecord withCountedPartitions(int counted) {
        return new JobRecord(
                jobId,
                bucket,
                key,
                etag,
                status,
                createdAtMillis,
                finishedAtMillis,
                deadlineAtMillis,
                partitionCount,
                counted,
                rows,
                dataBytes,
                headerBytesRead,
                partitionBytes,
                partitionSamples,
                batchSize,
                hasLabels,
                outputBucket,
                outputPrefix,
                reason);
    }
}
