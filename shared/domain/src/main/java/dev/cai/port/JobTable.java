package dev.cai.port;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The job table: one job item, one result item per partition and one item per worker attempt.
 *
 * <p>Every write that a redelivered event could repeat is conditional, so a repeat changes nothing.
 * Implementations: DynamoDB (the deployed table) and an in-process table for the local runtime,
 * which gives the same guarantees and publishes the same change records.
 */
public interface JobTable {

    /** Creates the job item unless a job with that id exists; returns whether it was created. */
    boolean createJob(JobRecord job);

    Optional<JobRecord> getJob(String jobId);

    /** Lists jobs still SUBMITTING or RUNNING, for the sweep that ends overdue jobs. */
    List<JobRecord> listUnfinishedJobs();

    /**
     * Moves a job from one of {@code from} to {@code to}, setting {@code reason} (may be null) and
     * the finish time when {@code to} is terminal; returns false when the job was in another state.
     */
    boolean transitionJob(String jobId, Set<JobStatus> from, JobStatus to, String reason);

    /**
     * Reopens a finished job so that re-driven partitions can end it again: status RUNNING, a new
     * deadline, no reason and no finish time, back in the list of unfinished jobs. The set of
     * counted partitions is kept. Returns false when the job was in none of {@code from}.
     */
    boolean reopenJob(String jobId, Set<JobStatus> from, long deadlineAtMillis);

    /**
     * Records a partition's terminal result. A DONE result replaces a FAILED one or nothing; a
     * FAILED result replaces only nothing or an older FAILED one. Returns false when the write was
     * skipped because a DONE result already exists.
     */
    boolean putPartitionResult(PartitionResult result);

    Optional<PartitionResult> getPartitionResult(String jobId, int partitionId);

    /** Lists every partition result of a job, ordered by partition id. */
    List<PartitionResult> listPartitionResults(String jobId);

    /**
     * Adds a partition to the job's set of counted partitions in one atomic conditional update.
     *
     * @return the number of counted partitions after the call, whether or not this call added it
     */
    int markCounted(String jobId, int partitionId);

    /** Removes partitions from the counted set, so re-driven partitions are counted again. */
    void unmarkCounted(String jobId, Collection<Integer> partitionIds);

    /**
     * Records one worker attempt on one partition; a repeat with the same request id is ignored.
     */
    void putAttempt(AttemptRecord attempt);

    List<AttemptRecord> listAttempts(String jobId);
}
