package dev.cai.local.fault;

/** The faults the local runtime can inject, each counted on its own in {@link FaultCounters}. */
public enum FaultKind {
    /** A partition message is handled twice: redelivered to the same container or sent again. */
    DUPLICATE_DELIVERY,
    /** The S3 event of an upload reaches the splitter twice. */
    S3_EVENT_REDELIVERY,
    /** A worker container dies at a {@link CrashPoint} with an {@link InjectedCrash}. */
    WORKER_CRASH,
    /**
     * A worker stalls between reading and writing predictions, so that a short visibility timeout
     * runs out and a second worker takes the same partition.
     */
    SLOW_WORKER,
    /**
     * A worker's attempt record reaches the table late, after its partition result, as a slow or
     * retried write would. It stalls for the plan's slow worker delay.
     */
    SLOW_ATTEMPT_WRITE,
    /** The aggregator dies after counting a partition and before finishing the job. */
    AGGREGATOR_CRASH,
    /** The stream event source delivers a batch of change records a second time. */
    STREAM_REDELIVERY,
    /** The stream event source shuffles the change records of a batch before delivering them. */
    STREAM_REORDER,
    /** The byte range of a partition ends early, as a truncated or damaged upload would. */
    CORRUPT_RANGE,
    /** An S3, SQS or job table call fails with a transient throttling error. */
    THROTTLING,
    /**
     * A partition message is deleted without reaching a worker, so its partition never ends and
     * only the job deadline can end the job.
     */
    LOST_MESSAGE
}
