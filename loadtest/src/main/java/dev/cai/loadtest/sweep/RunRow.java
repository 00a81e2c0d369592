package dev.cai.loadtest.sweep;

import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;

/**
 * One run of a sweep point: a row of {@code runs.csv}. Rates and times come straight from the job's
 * summary; a run whose runner threw has status {@code ERROR} and zeros.
 *
 * @param point the parameters
 * @param run 1-based repetition number
 * @param status the job's status, or {@code ERROR} when the runner threw
 * @param jobId the job id, or empty
 * @param partitions partitions planned
 * @param jobWallSeconds job creation to last worker end
 * @param inferenceWindowSeconds first worker start to last worker end
 * @param samples rows predicted
 * @param bits input bits of the predicted partitions
 * @param wallClockThroughputBps bits over the inference window
 * @param summedWorkerThroughputBps per-partition bits over handler time, summed
 * @param samplesPerSecond samples over the inference window
 * @param handlerSecondsTotal handler time summed over DONE partitions
 * @param memoryMb configured worker memory
 * @param coldStarts cold starts among the attempts
 * @param initSecondsTotal INIT time summed over cold starts
 * @param costUsd estimated list-price cost at AWS prices
 * @param error the runner's error message, or empty
 */
public record RunRow(
        SweepPoint point,
        int run,
        String status,
        String jobId,
        int partitions,
        double jobWallSeconds,
        double inferenceWindowSeconds,
        long samples,
        long bits,
        double wallClockThroughputBps,
        double summedWorkerThroughputBps,
        double samplesPerSecond,
        double handlerSecondsTotal,
        int memoryMb,
        int coldStarts,
        double initSecondsTotal,
        double costUsd,
        String error) {

    /** Builds the row of a run that produced a summary. */
    public static RunRow of(SweepPoint point, int run, JobSummary summary) {
        return new RunRow(
                point,
                run,
                summary.status().name(),
                summary.jobId(),
                summary.partitions().total(),
                summary.timeline().jobWallMillis() / 1000.0,
                summary.timeline().inferenceWindowMillis() / 1000.0,
                summary.samples(),
                summary.bytes() * 8,
                summary.throughput().wallClockBitsPerSecond(),
                summary.throughput().summedWorkerBitsPerSecond(),
                summary.throughput().samplesPerSecond(),
                summary.stages().handler().totalMillis() / 1000.0,
                summary.workers().configuredMemoryMb(),
                summary.workers().coldStarts(),
                summary.workers().initMillisTotal() / 1000.0,
                summary.cost().totalUsd(),
                summary.reason() == null ? "" : summary.reason());
    }

    /** Builds the row of a run whose runner threw. */
    public static RunRow error(SweepPoint point, int run, Exception error) {
        return new RunRow(
                point,
                run,
                "ERROR",
                "",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** Returns whether the run completed every partition, so it counts in the means. */
    public boolean complete() {
        return JobStatus.COMPLETE.name().equals(status);
    }
}
