package dev.cai.job;

/**
 * The result item of one partition, written by the worker that finished it (or gave up on it).
 * Stage times are wall-clock milliseconds measured inside the handler.
 *
 * @param jobId the job
 * @param partitionId 0-based partition index
 * @param status DONE or FAILED
 * @param attempt the SQS receive count of the message that produced this result
 * @param requestId the Lambda request id of the invocation that wrote it
 * @param samples rows predicted (0 when FAILED)
 * @param bytes bytes read from the input object
 * @param queueWaitMillis from the message's SentTimestamp to the handler's start on it
 * @param readMillis waiting on ranged GET streams
 * @param decodeMillis converting bytes to float32 tensors and cropping
 * @param inferMillis in the predictor, including waiting for lazy results
 * @param writeMillis writing the predictions object
 * @param handlerMillis the whole time spent on this message
 * @param memoryMb the function's configured memory
 * @param peakMemoryMb the JVM's peak resident memory at the end of the message, in MB
 * @param coldStart whether this was the container's first invocation
 * @param initMillis the container's initialisation time (0 on a warm start)
 * @param startedAtMillis epoch milliseconds when work on the message started
 * @param endedAtMillis epoch milliseconds when it ended
 * @param predictionsKey where the predictions were written, or null when FAILED
 * @param error the failure reason when FAILED, else null
 */
public record PartitionResult(
        String jobId,
        int partitionId,
        PartitionStatus status,
        int attempt,
        String requestId,
        long samples,
        long bytes,
        long queueWaitMillis,
        long readMillis,
        long decodeMillis,
        long inferMillis,
        long writeMillis,
        long handlerMillis,
        int memoryMb,
        long peakMemoryMb,
        boolean coldStart,
        long initMillis,
        long startedAtMillis,
        long endedAtMillis,
        String predictionsKey,
        String error) {}
