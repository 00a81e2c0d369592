package dev.cai.local.fault;

/**
 * One partition, and one attempt or every attempt, that a fault always hits, whatever the rate.
 *
 * @param partitionId the partition, in every job of the run
 * @param attempt the 1-based attempt (the SQS receive count for worker faults, the number of times
 *     the aggregator counted the partition for aggregator crashes), or {@link #EVERY_ATTEMPT}
 */
public record FaultTarget(int partitionId, int attempt) {

    public static final int EVERY_ATTEMPT = 0;

    public FaultTarget {
        if (partitionId < 0) {
            throw new IllegalArgumentException(
                    "invalid target partition " + partitionId + ": expected 0 or more");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException(
                    "invalid target attempt "
                            + attempt
                            + ": expected 1 or more, or "
                            + EVERY_ATTEMPT
                            + " for every attempt");
        }
    }

    public static FaultTarget everyAttempt(int partitionId) {
        return new FaultTarget(partitionId, EVERY_ATTEMPT);
    }

    public static FaultTarget firstAttempt(int partitionId) {
        return new FaultTarget(partitionId, 1);
    }

    boolean matches(int partition, int attemptNumber) {
        return partition == partitionId && (attempt == EVERY_ATTEMPT || attempt == attemptNumber);
    }
}
