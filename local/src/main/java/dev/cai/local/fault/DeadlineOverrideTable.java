package dev.cai.local.fault;

import dev.cai.job.JobRecord;
import dev.cai.port.JobTable;
import java.time.Duration;
import java.util.Optional;

/** The splitter's job table, which records each new job with the plan's deadline, if any. */
final class DeadlineOverrideTable extends ForwardingJobTable {

    private final FaultInjection injection;

    DeadlineOverrideTable(JobTable delegate, FaultInjection injection) {
        super(delegate);
        this.injection = injection;
    }

    @Override
    public boolean createJob(JobRecord job) {
        Optional<Duration> deadline = injection.plan().jobDeadline();
        if (deadline.isEmpty()) {
            return super.createJob(job);
        }
        return super.createJob(
                withDeadline(job, job.createdAtMillis() + deadline.get().toMillis()));
    }

    private static JobRecord withDeadline(JobRecord job, long deadlineAt) {
        return new JobRecord(
                job.jobId(),
                job.bucket(),
                job.key(),
                job.etag(),
                job.status(),
                job.createdAtMillis(),
                job.finishedAtMillis(),
                deadlineAt,
                job.partitionCount(),
                job.countedPartitions(),
                job.rows(),
                job.dataBytes(),
                job.headerBytesRead(),
                job.partitionBytes(),
                job.partitionSamples(),
                job.batchSize(),
                job.hasLabels(),
                job.outputBucket(),
                job.outputPrefix(),
                job.reason());
    }
}
