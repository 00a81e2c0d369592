package dev.cai.cost;

/**
 * Billable requests to SQS, DynamoDB and S3 for one job, as the caller estimates them.
 *
 * @param sqsRequests SQS API requests (send batches, receives, deletes), each 64 KB chunk once
 * @param dynamoDbWriteUnits DynamoDB write request units, 1 per write of up to 1 KB
 * @param dynamoDbReadUnits DynamoDB read request units, 1 per strongly consistent read of up to 4
 *     KB
 * @param s3Puts S3 PUT, COPY, POST and LIST requests
 * @param s3Gets S3 GET requests, each ranged GET counted once
 */
public record RequestCounts(
        long sqsRequests,
        long dynamoDbWriteUnits,
        long dynamoDbReadUnits,
        long s3Puts,
        long s3Gets) {

    public static final RequestCounts NONE = new RequestCounts(0, 0, 0, 0, 0);

    public RequestCounts {
        if (sqsRequests < 0
                || dynamoDbWriteUnits < 0
                || dynamoDbReadUnits < 0
                || s3Puts < 0
                || s3Gets < 0) {
            throw new IllegalArgumentException(
                    "request counts must not be negative: sqs="
                            + sqsRequests
                            + ", dynamoDbWrites="
                            + dynamoDbWriteUnits
                            + ", dynamoDbReads="
                            + dynamoDbReadUnits
                            + ", s3Puts="
                            + s3Puts
                            + ", s3Gets="
                            + s3Gets);
        }
    }

    /**
     * Estimates the requests of one job from its partition and attempt counts.
     *
     * <ul>
     *   <li>SQS: one SendMessageBatch per 10 descriptors, plus one receive and one delete per
     *       attempt. Empty receives of the Lambda poller are not counted.
     *   <li>DynamoDB writes (items under 1 KB, 1 unit each): the job item, 3 status transitions,
     *       one attempt item per attempt, one result item and one counted-set update per partition.
     *   <li>DynamoDB reads: one job read per partition result the aggregator processes, plus one
     *       unit per 4 result items listed when it writes the summary.
     *   <li>S3 GETs: {@code headerGets} by the splitter, {@code getsPerAttempt} ranged GETs per
     *       attempt (one per array the worker reads) and one GET per predictions file read back by
     *       the aggregator.
     *   <li>S3 PUTs: one predictions file per partition and the summary.
     * </ul>
     */
    public static RequestCounts estimate(
            int partitions, int attempts, int headerGets, int getsPerAttempt) {
        if (partitions < 0 || attempts < 0 || headerGets < 0 || getsPerAttempt < 0) {
            throw new IllegalArgumentException(
                    "counts must not be negative: partitions="
                            + partitions
                            + ", attempts="
                            + attempts
                            + ", headerGets="
                            + headerGets
                            + ", getsPerAttempt="
                            + getsPerAttempt);
        }
        long sendBatches = (partitions + 9L) / 10L;
        long sqs = sendBatches + 2L * attempts;
        long writes = 1L + 3L + attempts + 2L * partitions;
        long reads = partitions + (partitions + 3L) / 4L;
        long gets = headerGets + (long) getsPerAttempt * attempts + partitions;
        long puts = partitions + 1L;
        return new RequestCounts(sqs, writes, reads, puts, gets);
    }

    public RequestCounts plus(RequestCounts other) {
        return new RequestCounts(
                sqsRequests + other.sqsRequests,
                dynamoDbWriteUnits + other.dynamoDbWriteUnits,
                dynamoDbReadUnits + other.dynamoDbReadUnits,
                s3Puts + other.s3Puts,
                s3Gets + other.s3Gets);
    }
}
