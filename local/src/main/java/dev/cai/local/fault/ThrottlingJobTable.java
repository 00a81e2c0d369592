package dev.cai.local.fault;

import dev.cai.job.AttemptRecord;
import dev.cai.job.PartitionResult;
import dev.cai.port.JobTable;
import java.util.Optional;

/**
 * One worker container's job table, whose reads and result writes fail at the throttling rate and
 * whose attempt writes may be delayed.
 *
 * <p>NOTE: attempt records are never throttled. The worker writes its attempt once and does not
 * retry it, so a throttled attempt write would drop that attempt from the job's cost, and the fault
 * tests could no longer check the billed attempts against the handler runs.
 */
final class ThrottlingJobTable extends ForwardingJobTable {

    private final WorkerFaults faults;

    ThrottlingJobTable(JobTable delegate, WorkerFaults faults) {
        super(delegate);
        this.faults = faults;
    }

    @Override
    public boolean putPartitionResult(PartitionResult result) {
        faults.throttle(
                "PutItem of partition " + result.partitionId() + " of job " + result.jobId());
        return super.putPartitionResult(result);
    }

    /** Writes the attempt, late when the plan chose to delay it. It is never throttled. */
    @Override
    public void putAttempt(AttemptRecord attempt) {
        faults.stallAttemptWriteIfChosen(attempt.partitionId(), attempt.attempt());
        super.putAttempt(attempt);
    }

    @Override
    public Optional<PartitionResult> getPartitionResult(String jobId, int partitionId) {
        faults.throttle("GetItem of partition " + partitionId + " of job " + jobId);
        return super.getPartitionResult(jobId, partitionId);
    }
}
