package dev.cai.loadtest.plan;

/** Lambda behaviour the planner models, each with the page it comes from (read December 2026). */
public final class LambdaLimits {

    /**
     * Concurrent batches an SQS event source mapping starts with, and how many more it adds per
     * minute while messages remain, up to 1,000 batches at once:
     * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
     */
    public static final int SQS_INITIAL_CONCURRENCY = 5;

    public static final int SQS_SCALE_UP_PER_MINUTE = 300;

    public static final int SQS_EVENT_SOURCE_MAX_CONCURRENCY = 1000;

    /**
     * Valid range of the event source mapping's MaximumConcurrency setting:
     * https://docs.aws.amazon.com/lambda/latest/dg/API_ScalingConfig.html
     */
    public static final int MAXIMUM_CONCURRENCY_MIN = 2;

    public static final int MAXIMUM_CONCURRENCY_MAX = 1000;

    /**
     * Default concurrent executions per account and region (a soft quota), maximum memory and
     * maximum run time of one invocation:
     * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html and
     * https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
     */
    public static final int DEFAULT_ACCOUNT_CONCURRENCY = 1000;

    public static final int MIN_MEMORY_MB = 128;

    public static final int MAX_MEMORY_MB = 10_240;

    public static final int MAX_TIMEOUT_SECONDS = 900;

    /**
     * Memory at which a function gets the equivalent of one vCPU; CPU share is proportional to
     * memory: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
     */
    public static final int MB_PER_VCPU = 1769;

    private LambdaLimits() {}

    /** Returns the vCPU share of a memory setting, for example 3008 MB is 1.70 vCPU. */
    public static double vcpus(int memoryMb) {
        return memoryMb / (double) MB_PER_VCPU;
    }
}
