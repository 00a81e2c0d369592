package dev.cai.local.fault;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.port.JobTable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@link JobTable} that passes every call on, for decorators to override a few of them. */
abstract class ForwardingJobTable implements JobTable {

    private final JobTable delegate;

    ForwardingJobTable(JobTable delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean createJob(JobRecord job) {
        return delegate.createJob(job);
    }

    @Override
    public Optional<JobRecord> getJob(String jobId) {
        return delegate.getJob(jobId);
    }

    @Override
    public List<JobRecord> listUnfinishedJobs() {
        return delegate.listUnfinishedJobs();
    }

    @Override
    public boolean transitionJob(String jobId, Set<JobStatus> from, JobStatus to, String reason) {
        return delegate.transitionJob(jobId, from, to, reason);
    }

    @Override
    public boolean reopenJob(String jobId, Set<JobStatus> from, long deadlineAtMillis) {
        return delegate.reopenJob(jobId, from, deadlineAtMillis);
    }

    @Override
    public boolean putPartitionResult(PartitionResult result) {
        return delegate.putPartitionResult(result);
    }

    @Override
    public Optional<PartitionResult> getPartitionResult(String jobId, int partitionId) {
        return delegate.getPartitionResult(jobId, partitionId);
    }

    @Override
    public List<PartitionResult> listPartitionResults(String jobId) {
        return delegate.listPartitionResults(jobId);
    }

    @Override
    public int markCounted(String jobId, int partitionId) {
        return delegate.markCounted(jobId, partitionId);
    }

    @Override
    public void unmarkCounted(String jobId, Collection<Integer> partitionIds) {
        delegate.unmarkCounted(jobId, partitionIds);
    }

    @Override
    public void putAttempt(AttemptRecord attempt) {
        delegate.putAttempt(attempt);
    }

    @Override
    public List<AttemptRecord> listAttempts(String jobId) {
        return delegate.listAttempts(jobId);
    }
}
