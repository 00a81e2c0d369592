package dev.cai.job;

import dev.cai.cost.CostBreakdown;
import dev.cai.cost.CostCalculator;
import dev.cai.cost.LambdaInvocation;
import dev.cai.cost.PriceTable;
import dev.cai.cost.RequestCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Builds a {@link JobSummary} from the job item, its partition results and its worker attempts.
 * Pure: the same inputs give the same summary.
 */
public final class JobSummarizer {

    /** Ranged GETs the splitter makes per job (ZIP directory and NumPy headers), an estimate. */
    static final int HEADER_GETS_ESTIMATE = 4;

    /** Ranged GETs a worker makes per attempt (images and labels), an estimate. */
    static final int GETS_PER_ATTEMPT_ESTIMATE = 2;

    private JobSummarizer() {}

    /**
     * Summarizes a job, estimating its SQS, DynamoDB and S3 requests with {@link
     * RequestCounts#estimate} and leaving out splitter and aggregator invocations.
     *
     * @throws IllegalArgumentException when two results share a partition id (the caller must keep
     *     one result per partition), or a result belongs to another job or to a partition outside
     *     {@code [0, partitionCount)}
     */
    public static JobSummary summarize(
            JobRecord job,
            List<PartitionResult> results,
            List<AttemptRecord> attempts,
            Optional<PhotoZMetrics> metrics,
            PriceTable prices,
            JobStatus status) {
        RequestCounts requests =
                RequestCounts.estimate(
                        job.partitionCount(),
                        attempts.size(),
                        HEADER_GETS_ESTIMATE,
                        GETS_PER_ATTEMPT_ESTIMATE);
        return summarize(job, results, attempts, metrics, prices, status, requests, List.of());
    }

    /**
     * Summarizes a job with the caller's request counts and the other Lambda invocations of the job
     * (splitter, aggregator) added to the cost.
     */
    public static JobSummary summarize(
            JobRecord job,
            List<PartitionResult> results,
            List<AttemptRecord> attempts,
            Optional<PhotoZMetrics> metrics,
            PriceTable prices,
            JobStatus status,
            RequestCounts requests,
            List<LambdaInvocation> otherInvocations) {
        List<PartitionResult> sorted = validated(job, results);
        List<PartitionResult> done =
                sorted.stream().filter(result -> result.status() == PartitionStatus.DONE).toList();
        JobSummary.Partitions partitions = partitions(job, sorted, attempts);
        long samples = done.stream().mapToLong(PartitionResult::samples).sum();
        long bytes = done.stream().mapToLong(PartitionResult::bytes).sum();
        JobSummary.Timeline timeline = timeline(job, sorted, attempts);
        CostBreakdown cost = CostCalculator.cost(attempts, otherInvocations, requests, prices);
        return new JobSummary(
                job.jobId(),
                job.bucket(),
                job.key(),
                status,
                reason(job, partitions),
                partitions,
                samples,
                bytes,
                job.headerBytesRead(),
                timeline,
                throughput(done, samples, bytes, timeline),
                stages(done),
                workers(sorted, attempts),
                cost,
                metrics.orElse(null),
                outputs(job, done));
    }

    /** Summarizes a job that never started: no partitions, no cost. */
    public static JobSummary failed(JobRecord job, String reason) {
        JobSummary.Partitions partitions =
                new JobSummary.Partitions(
                        job.partitionCount(), 0, 0, job.partitionCount(), List.of());
        JobSummary.Timeline timeline =
                new JobSummary.Timeline(
                        job.createdAtMillis(), iso(job.createdAtMillis()), 0, null, 0, null, 0, 0);
        return new JobSummary(
                job.jobId(),
                job.bucket(),
                job.key(),
                JobStatus.FAILED,
                reason,
                partitions,
                0,
                0,
                job.headerBytesRead(),
                timeline,
                new JobSummary.Throughput(0, 0, 0),
                stages(List.of()),
                new JobSummary.Workers(0, 0, 0, 0, 0, 0),
                CostBreakdown.zero(null, null),
                null,
                outputs(job, List.of()));
    }

    private static List<PartitionResult> validated(JobRecord job, List<PartitionResult> results) {
        Set<Integer> seen = new HashSet<>();
        for (PartitionResult result : results) {
            if (!job.jobId().equals(result.jobId())) {
                throw new IllegalArgumentException(
                        "result of partition "
                                + result.partitionId()
                                + " belongs to job "
                                + result.jobId()
                                + ", expected "
                                + job.jobId());
            }
            if (result.partitionId() < 0 || result.partitionId() >= job.partitionCount()) {
                throw new IllegalArgumentException(
                        "job "
                                + job.jobId()
                                + " has a result for "
                                + "partition "
                                + result.partitionId()
                                + ", outside [0, "
                                + job.partitionCount()
                                + ")");
            }
            if (!seen.add(result.partitionId())) {
                throw new IllegalArgumentException(
                        "job "
                                + job.jobId()
                                + " has two results for "
                                + "partition "
                                + result.partitionId()
                                + ": pass one result per partition");
            }
        }
        return results.stream()
                .sorted(Comparator.comparingInt(PartitionResult::partitionId))
                .toList();
    }

    private static JobSummary.Partitions partitions(
            JobRecord job, List<PartitionResult> results, List<AttemptRecord> attempts) {
        Map<Integer, Integer> attemptsByPartition = new HashMap<>();
        for (AttemptRecord attempt : attempts) {
            attemptsByPartition.merge(attempt.partitionId(), 1, Integer::sum);
        }
        List<JobSummary.FailedPartition> failed = new ArrayList<>();
        int done = 0;
        for (PartitionResult result : results) {
            if (result.status() == PartitionStatus.DONE) {
                done++;
            } else {
                int recorded = attemptsByPartition.getOrDefault(result.partitionId(), 0);
                failed.add(
                        new JobSummary.FailedPartition(
                                result.partitionId(),
                                result.error(),
                                Math.max(recorded, result.attempt())));
            }
        }
        int missing = job.partitionCount() - done - failed.size();
        return new JobSummary.Partitions(
                job.partitionCount(), done, failed.size(), missing, failed);
    }

    private static String reason(JobRecord job, JobSummary.Partitions partitions) {
        if (job.reason() != null) {
            return job.reason();
        }
        List<String> parts = new ArrayList<>();
        if (partitions.failed() > 0) {
            parts.add(partitions.failed() + " of " + partitions.total() + " partitions failed");
        }
        if (partitions.missing() > 0) {
            parts.add(
                    partitions.missing()
                            + " of "
                            + partitions.total()
                            + " partitions have no result");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The window covers every attempt too, because a failed first try also kept a worker busy. */
    private static JobSummary.Timeline timeline(
            JobRecord job, List<PartitionResult> results, List<AttemptRecord> attempts) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (PartitionResult result : results) {
            first = Math.min(first, result.startedAtMillis());
            last = Math.max(last, result.endedAtMillis());
        }
        for (AttemptRecord attempt : attempts) {
            first = Math.min(first, attempt.startedAtMillis());
            last = Math.max(last, attempt.startedAtMillis() + attempt.durationMillis());
        }
        if (first == Long.MAX_VALUE) {
            return new JobSummary.Timeline(
                    job.createdAtMillis(), iso(job.createdAtMillis()), 0, null, 0, null, 0, 0);
        }
        return new JobSummary.Timeline(
                job.createdAtMillis(),
                iso(job.createdAtMillis()),
                first,
                iso(first),
                last,
                iso(last),
                last - job.createdAtMillis(),
                last - first);
    }

    private static JobSummary.Throughput throughput(
            List<PartitionResult> done, long samples, long bytes, JobSummary.Timeline timeline) {
        double windowSeconds = timeline.inferenceWindowMillis() / 1000.0;
        double wallClock = windowSeconds > 0 ? bytes * 8.0 / windowSeconds : 0;
        double perSample = windowSeconds > 0 ? samples / windowSeconds : 0;
        double summed = 0;
        for (PartitionResult result : done) {
            if (result.handlerMillis() > 0) {
                summed += result.bytes() * 8.0 / (result.handlerMillis() / 1000.0);
            }
        }
        return new JobSummary.Throughput(wallClock, summed, perSample);
    }

    private static JobSummary.StageTimings stages(List<PartitionResult> done) {
        return new JobSummary.StageTimings(
                stage(done, PartitionResult::queueWaitMillis),
                stage(done, PartitionResult::readMillis),
                stage(done, PartitionResult::decodeMillis),
                stage(done, PartitionResult::inferMillis),
                stage(done, PartitionResult::writeMillis),
                stage(done, PartitionResult::handlerMillis));
    }

    private static JobSummary.StageTime stage(
            List<PartitionResult> done, ToLongFunction<PartitionResult> time) {
        long[] values = done.stream().mapToLong(time).toArray();
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return new JobSummary.StageTime(total, Percentiles.of(values));
    }

    private static JobSummary.Workers workers(
            List<PartitionResult> results, List<AttemptRecord> attempts) {
        Set<String> requestIds = new HashSet<>();
        int coldStarts = 0;
        long initTotal = 0;
        int memory = 0;
        for (AttemptRecord attempt : attempts) {
            requestIds.add(attempt.requestId());
            if (attempt.initMillis() > 0) {
                coldStarts++;
                initTotal += attempt.initMillis();
            }
            memory = Math.max(memory, attempt.memoryMb());
        }
        long peak = 0;
        for (PartitionResult result : results) {
            peak = Math.max(peak, result.peakMemoryMb());
            memory = Math.max(memory, result.memoryMb());
            if (attempts.isEmpty() && result.coldStart()) {
                coldStarts++;
                initTotal += result.initMillis();
            }
        }
        return new JobSummary.Workers(
                attempts.size(), requestIds.size(), coldStarts, initTotal, peak, memory);
    }

    private static JobSummary.Outputs outputs(JobRecord job, List<PartitionResult> done) {
        List<String> keys =
                done.stream()
                        .map(PartitionResult::predictionsKey)
                        .filter(key -> key != null)
                        .toList();
        return new JobSummary.Outputs(
                job.outputBucket(),
                job.outputPrefix(),
                job.outputPrefix() == null ? null : job.summaryKey(),
                keys);
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
