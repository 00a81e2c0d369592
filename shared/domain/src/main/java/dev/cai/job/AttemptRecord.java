package dev.cai.job;

/**
 * One worker's time on one partition message, successful or not: what Lambda bills for.
 *
 * @param jobId the job
 * @param partitionId the partition
 * @param requestId the Lambda request id of the invocation
 * @param attempt the message's SQS receive count
 * @param durationMillis handler time spent on this message
 * @param initMillis initialisation time billed with this invocation (0 on a warm start)
 * @param memoryMb the function's configured memory
 * @param architecture {@code x86_64} or {@code arm64}
 * @param outcome {@code DONE}, {@code FAILED} (will be retried or given up) or {@code DUPLICATE}
 *     (another worker had already finished the partition)
 * @param startedAtMillis epoch milliseconds when work on the message started
 */
public record AttemptRecord(
        String jobId,
        int partitionId,
        String requestId,
        int attempt,
        long durationMillis,
        long initMillis,
        int memoryMb,
        String architecture,
        String outcome,
        long startedAtMillis) {}
