package dev.cai.loadtest.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration to estimate: a dataset split into partitions, processed by workers of one memory
 * size.
 *
 * @param dataBytes dataset size in bytes
 * @param partitionBytes target partition size in bytes
 * @param memoryMb configured worker memory, 128 to 10,240 MB
 * @param maxConcurrency the event source mapping's MaximumConcurrency, 2 to 1,000, or 0 for none
 * @param accountConcurrency concurrent executions available to the worker in the account
 * @param architecture {@code x86_64} or {@code arm64}
 */
public record PlanInput(
        long dataBytes,
        long partitionBytes,
        int memoryMb,
        int maxConcurrency,
        int accountConcurrency,
        String architecture) {

    public PlanInput {
        List<String> problems = new ArrayList<>();
        if (dataBytes <= 0) {
            problems.add("data size is " + dataBytes + " bytes: expected > 0");
        }
        if (partitionBytes <= 0) {
            problems.add("partition size is " + partitionBytes + " bytes: expected > 0");
        }
        if (memoryMb < LambdaLimits.MIN_MEMORY_MB || memoryMb > LambdaLimits.MAX_MEMORY_MB) {
            problems.add(
                    "memory is "
                            + memoryMb
                            + " MB: expected "
                            + LambdaLimits.MIN_MEMORY_MB
                            + " to "
                            + LambdaLimits.MAX_MEMORY_MB);
        }
        if (maxConcurrency != 0
                && (maxConcurrency < LambdaLimits.MAXIMUM_CONCURRENCY_MIN
                        || maxConcurrency > LambdaLimits.MAXIMUM_CONCURRENCY_MAX)) {
            problems.add(
                    "maximum concurrency is "
                            + maxConcurrency
                            + ": expected "
                            + LambdaLimits.MAXIMUM_CONCURRENCY_MIN
                            + " to "
                            + LambdaLimits.MAXIMUM_CONCURRENCY_MAX
                            + ", or 0 for none");
        }
        if (accountConcurrency < 1) {
            problems.add("account concurrency is " + accountConcurrency + ": expected >= 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Returns the number of partitions, the last one possibly smaller. */
    public int partitions() {
        return Math.toIntExact((dataBytes + partitionBytes - 1) / partitionBytes);
    }

    /** Returns the highest concurrency the queue can reach: the smallest of the three limits. */
    public int concurrencyCap() {
        int cap = Math.min(LambdaLimits.SQS_EVENT_SOURCE_MAX_CONCURRENCY, accountConcurrency);
        return maxConcurrency == 0 ? cap : Math.min(cap, maxConcurrency);
    }

    public PlanInput with(long newPartitionBytes, int newMemoryMb) {
        return new PlanInput(
                dataBytes,
                newPartitionBytes,
                newMemoryMb,
                maxConcurrency,
                accountConcurrency,
                architecture);
    }
}
