package dev.cai.worker;

/**
 * The facts of one message delivery that the worker needs besides the descriptor.
 *
 * @param requestId the Lambda request id
 * @param attempt the message's {@code ApproximateReceiveCount}
 * @param sentAtMillis the message's {@code SentTimestamp}
 * @param memoryMb the function's configured memory
 * @param coldStart whether this invocation is the container's first
 * @param initMillis the container's initialisation time, on a cold start
 */
record AttemptContext(
        String requestId,
        int attempt,
        long sentAtMillis,
        int memoryMb,
        boolean coldStart,
        long initMillis) {}
