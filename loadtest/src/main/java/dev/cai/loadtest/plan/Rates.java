package dev.cai.loadtest.plan;

import dev.cai.cost.PublishedCostTable;

/**
 * Per-partition speed of the worker, measured at one memory size.
 *
 * @param secondsPerMib handler seconds per MiB (2^20 bytes) of partition
 * @param memoryMb configured memory of the run the rate comes from
 * @param coldStartSeconds INIT time of a new execution environment
 * @param source where the numbers come from, printed with every estimate
 */
public record Rates(
        double secondsPerMib,
        int memoryMb,
        double coldStartSeconds,
        String source,
        double secondsPerPartition) {

    /** INIT phase limit of an on-demand function, used as a pessimistic cold start. */
    static final double INIT_LIMIT_SECONDS = 10.0;

    /** Rates with no fixed time per partition: handler time proportional to the bytes. */
    public Rates(double secondsPerMib, int memoryMb, double coldStartSeconds, String source) {
        this(secondsPerMib, memoryMb, coldStartSeconds, source, 0);
    }

    public Rates {
        if (!(secondsPerMib > 0)
                || memoryMb <= 0
                || !(coldStartSeconds >= 0)
                || !(secondsPerPartition >= 0)) {
            throw new IllegalArgumentException(
                    "invalid rates from "
                            + source
                            + ": "
                            + secondsPerMib
                            + " s/MiB at "
                            + memoryMb
                            + " MB, cold start "
                            + coldStartSeconds
                            + " s; expected positive values");
        }
    }

    /**
     * Returns the built-in rates: the published Step Functions runs' total duration over their
     * total partition size (62.85 s over 250 MiB) at their configured 10,240 MB. Their sizes are
     * read as MiB, the unit that reproduces their partition counts.
     */
    // NOTE: replace with rates measured by this pipeline on AWS once such a run exists. The cold
    // start is the 10 s INIT limit, not a measurement.
    public static Rates builtIn() {
        double seconds = 0;
        double mebibytes = 0;
        for (PublishedCostTable.Run run : PublishedCostTable.runs()) {
            seconds += run.durationSeconds();
            mebibytes += run.partitionMb();
        }
        return new Rates(
                seconds / mebibytes,
                PublishedCostTable.CONFIGURED_MEMORY_MB,
                INIT_LIMIT_SECONDS,
                "built-in: the published Step Functions runs (25-100 MB "
                        + "partitions at 10,240 MB); cold start assumed at the 10 s INIT limit");
    }

    /**
     * Returns the handler seconds per MiB at another memory size, scaled by the vCPU share. This
     * assumes the whole handler time is CPU-bound, so it is optimistic for larger memory when
     * reading from S3 dominates.
     */
    public double secondsPerMibAt(int targetMemoryMb) {
        return secondsPerMib * LambdaLimits.vcpus(memoryMb) / LambdaLimits.vcpus(targetMemoryMb);
    }

    /** Returns the fixed handler seconds of one partition at another memory size, scaled alike. */
    public double secondsPerPartitionAt(int targetMemoryMb) {
        return secondsPerPartition
                * LambdaLimits.vcpus(memoryMb)
                / LambdaLimits.vcpus(targetMemoryMb);
    }

    /** Returns the estimated handler seconds of one partition of {@code mebibytes}. */
    public double partitionSecondsAt(int targetMemoryMb, double mebibytes) {
        return secondsPerPartitionAt(targetMemoryMb) + mebibytes * secondsPerMibAt(targetMemoryMb);
    }
}
