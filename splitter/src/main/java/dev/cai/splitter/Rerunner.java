package dev.cai.splitter;

import dev.cai.dataset.ArrayNames;
import dev.cai.dataset.DatasetLayout;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.plan.PartitionPlanner;
import dev.cai.plan.PartitionSpec;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectInfo;
import dev.cai.port.ObjectStore;
import dev.cai.port.PartitionQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-drives the partitions of a finished job that failed or never ended. The job is reopened, those
 * partitions are removed from its counted set, and their descriptors are sent again. As the workers
 * finish them, the aggregator counts them and writes the summary anew.
 */
public final class Rerunner {

    private static final Logger LOG = LoggerFactory.getLogger(Rerunner.class);
    private static final Set<JobStatus> RERUNNABLE =
            Set.of(JobStatus.COMPLETE_WITH_FAILURES, JobStatus.INCOMPLETE);

    private final ObjectStore store;
    private final PartitionQueue queue;
    private final JobTable table;
    private final ArrayNames arrayNames;
    private final Clock clock;

    public Rerunner(
            ObjectStore store,
            PartitionQueue queue,
            JobTable table,
            ArrayNames arrayNames,
            Clock clock) {
        this.store = store;
        this.queue = queue;
        this.table = table;
        this.arrayNames = arrayNames;
        this.clock = clock;
    }

    /**
     * Re-drives the failed and missing partitions of a job.
     *
     * @return the ids of the partitions sent again
     * @throws IllegalStateException when the job is not found, has not ended with failures, or its
     *     dataset changed since it ran
     */
    public List<Integer> rerunFailed(String jobId) throws IOException {
        JobRecord job =
                table.getJob(jobId)
                        .orElseThrow(
                                () -> new IllegalStateException("job " + jobId + " not found"));
        if (!RERUNNABLE.contains(job.status())) {
            throw new IllegalStateException(
                    "job "
                            + jobId
                            + " is "
                            + job.status()
                            + ": only jobs that ended COMPLETE_WITH_FAILURES or INCOMPLETE can be"
                            + " rerun");
        }
        checkUnchanged(job);
        List<Integer> redo = unfinishedPartitions(job);
        List<PartitionDescriptor> descriptors = descriptorsFor(job, redo);

        long deadline = JobDeadlines.deadlineAt(clock.millis(), job.dataBytes());
        if (!table.reopenJob(jobId, RERUNNABLE, deadline)) {
            throw new IllegalStateException("job " + jobId + " changed state while being reopened");
        }
        table.unmarkCounted(jobId, redo);
        queue.send(descriptors);
        LOG.info("job {}: re-sent {} partitions {}", jobId, redo.size(), redo);
        return redo;
    }

    private List<Integer> unfinishedPartitions(JobRecord job) {
        Set<Integer> done = new HashSet<>();
        for (PartitionResult result : table.listPartitionResults(job.jobId())) {
            if (result.status() == PartitionStatus.DONE) {
                done.add(result.partitionId());
            }
        }
        List<Integer> redo = new ArrayList<>();
        for (int id = 0; id < job.partitionCount(); id++) {
            if (!done.contains(id)) {
                redo.add(id);
            }
        }
        if (redo.isEmpty()) {
            throw new IllegalStateException(
                    "job " + job.jobId() + " has no failed or missing " + "partitions to rerun");
        }
        return redo;
    }

    /** Plans the job again exactly as it was planned, and keeps the partitions to redo. */
    private List<PartitionDescriptor> descriptorsFor(JobRecord job, List<Integer> redo)
            throws IOException {
        DatasetFiles files = new DatasetFiles(store, arrayNames);
        DatasetFiles.Kind kind =
                files.kindOf(job.key())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                job.key() + " is not a dataset file"));
        DatasetLayout layout = files.inspect(job.bucket(), job.key(), kind);
        PartitionSpec spec =
                job.partitionSamples() > 0
                        ? new PartitionSpec.BySamples(job.partitionSamples())
                        : new PartitionSpec.BySize(job.partitionBytes());
        List<PartitionDescriptor> all =
                PartitionPlanner.descriptors(
                        job.jobId(),
                        job.bucket(),
                        layout,
                        spec,
                        job.batchSize(),
                        job.outputBucket(),
                        job.outputPrefix());
        if (all.size() != job.partitionCount()) {
            throw new IllegalStateException(
                    "job "
                            + job.jobId()
                            + " had "
                            + job.partitionCount()
                            + " partitions but planning again gives "
                            + all.size());
        }
        Set<Integer> redoIds = new HashSet<>(redo);
        return all.stream().filter(d -> redoIds.contains(d.partitionId())).toList();
    }

    private void checkUnchanged(JobRecord job) throws IOException {
        ObjectInfo info =
                store.head(job.bucket(), job.key())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "s3://"
                                                        + job.bucket()
                                                        + "/"
                                                        + job.key()
                                                        + " no longer exists"));
        String current = info.versionId().orElse(info.etag());
        if (!current.equals(job.etag())) {
            throw new IllegalStateException(
                    "s3://"
                            + job.bucket()
                            + "/"
                            + job.key()
                            + " changed since job "
                            + job.jobId()
                            + " ran ("
                            + job.etag()
                            + " -> "
                            + current
                            + "); its upload started a new job");
        }
    }
}
