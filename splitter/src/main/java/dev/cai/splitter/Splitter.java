package dev.cai.splitter;

import dev.cai.dataset.DatasetFormatException;
import dev.cai.dataset.DatasetLayout;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummarizer;
import dev.cai.job.JobSummary;
import dev.cai.json.Json;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.plan.PartitionPlanner;
import dev.cai.plan.PartitionSpec;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectInfo;
import dev.cai.port.ObjectStore;
import dev.cai.port.PartitionQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Plans one job per uploaded dataset: reads only the headers, records the job, and sends one
 * descriptor per partition. Safe to call again for the same object version: a job that is already
 * running is left alone, and a job whose descriptors may not all have been sent is sent again
 * (workers ignore partitions that are already done).
 */
public final class Splitter {

    private static final Logger LOG = LoggerFactory.getLogger(Splitter.class);

    private final ObjectStore store;
    private final PartitionQueue queue;
    private final JobTable table;
    private final SplitterSettings settings;
    private final Clock clock;
    private final DatasetFiles files;

    public Splitter(
            ObjectStore store,
            PartitionQueue queue,
            JobTable table,
            SplitterSettings settings,
            Clock clock) {
        this.store = store;
        this.queue = queue;
        this.table = table;
        this.settings = settings;
        this.clock = clock;
        this.files = new DatasetFiles(store, settings.arrayNames());
    }

    /**
     * Plans the job for one object.
     *
     * @param versionOrEtag the object's version id, or its ETag in an unversioned bucket
     * @throws IOException when the store cannot be read; the event should be retried
     */
    public SplitOutcome split(String bucket, String key, String versionOrEtag) throws IOException {
        Optional<DatasetFiles.Kind> kind = files.kindOf(key);
        if (kind.isEmpty()) {
            String message =
                    "ignored "
                            + key
                            + ": not a dataset file (.npz, or the "
                            + files.imagesFileName()
                            + " of a folder of .npy files)";
            LOG.info(message);
            return new SplitOutcome(bucket, key, null, null, 0, 0, message);
        }
        String jobId = JobIds.derive(bucket, key, versionOrEtag);
        MDC.put("jobId", jobId);
        try {
            return plan(bucket, key, versionOrEtag, jobId, kind.get());
        } finally {
            MDC.remove("jobId");
        }
    }

    private SplitOutcome plan(
            String bucket, String key, String versionOrEtag, String jobId, DatasetFiles.Kind kind)
            throws IOException {
        Optional<JobRecord> existing = table.getJob(jobId);
        if (existing.isPresent() && existing.get().status() != JobStatus.SUBMITTING) {
            JobRecord job = existing.get();
            LOG.info("event for {} repeats job {} ({}); nothing to do", key, jobId, job.status());
            return new SplitOutcome(
                    bucket,
                    key,
                    jobId,
                    job.status(),
                    job.partitionCount(),
                    job.headerBytesRead(),
                    "job already exists");
        }

        JobParameters parameters = JobParameters.of(settings, Map.of());
        try {
            Map<String, String> metadata =
                    store.head(bucket, key).map(ObjectInfo::metadata).orElse(Map.of());
            parameters = JobParameters.of(settings, metadata);
        } catch (IllegalArgumentException e) {
            return fail(bucket, key, versionOrEtag, jobId, parameters, key + ": " + e.getMessage());
        }

        DatasetLayout layout;
        try {
            layout = files.inspect(bucket, key, kind);
        } catch (DatasetFormatException e) {
            return fail(bucket, key, versionOrEtag, jobId, parameters, e.getMessage());
        }

        String outputPrefix = settings.outputPrefix() + jobId + "/";
        List<PartitionDescriptor> descriptors;
        try {
            descriptors =
                    PartitionPlanner.descriptors(
                            jobId,
                            bucket,
                            layout,
                            parameters.partitionSpec(),
                            parameters.batchSize(),
                            settings.outputBucket(),
                            outputPrefix);
        } catch (IllegalArgumentException e) {
            return fail(bucket, key, versionOrEtag, jobId, parameters, key + ": " + e.getMessage());
        }

        JobRecord job =
                newJob(
                        bucket,
                        key,
                        versionOrEtag,
                        jobId,
                        parameters,
                        layout,
                        descriptors.size(),
                        outputPrefix);
        if (!table.createJob(job)) {
            JobStatus status = table.getJob(jobId).map(JobRecord::status).orElse(null);
            if (status != JobStatus.SUBMITTING) {
                return new SplitOutcome(
                        bucket,
                        key,
                        jobId,
                        status,
                        descriptors.size(),
                        layout.headerBytesRead(),
                        "job already exists");
            }
            LOG.info("job {} was recorded but may not have been fully sent; sending again", jobId);
        }

        queue.send(descriptors);
        table.transitionJob(jobId, Set.of(JobStatus.SUBMITTING), JobStatus.RUNNING, null);
        LOG.info(
                "planned job {} for s3://{}/{}: {} rows, {} bytes of data, {} partitions, "
                        + "batch size {}; read {} header bytes",
                jobId,
                bucket,
                key,
                layout.rows(),
                layout.dataBytes(),
                descriptors.size(),
                parameters.batchSize(),
                layout.headerBytesRead());
        return new SplitOutcome(
                bucket,
                key,
                jobId,
                JobStatus.RUNNING,
                descriptors.size(),
                layout.headerBytesRead(),
                "planned "
                        + descriptors.size()
                        + (descriptors.size() == 1 ? " partition" : " partitions"));
    }

    /** Records a job that cannot run, with a summary that gives the uploader the reason. */
    private SplitOutcome fail(
            String bucket,
            String key,
            String versionOrEtag,
            String jobId,
            JobParameters parameters,
            String reason)
            throws IOException {
        long now = clock.millis();
        PartitionSpec spec = parameters.partitionSpec();
        JobRecord job =
                new JobRecord(
                        jobId,
                        bucket,
                        key,
                        versionOrEtag,
                        JobStatus.FAILED,
                        now,
                        now,
                        now,
                        0,
                        0,
                        0,
                        0,
                        0,
                        targetBytes(spec),
                        targetSamples(spec),
                        parameters.batchSize(),
                        false,
                        settings.outputBucket(),
                        settings.outputPrefix() + jobId + "/",
                        reason);
        JobSummary summary = JobSummarizer.failed(job, reason);
        store.put(
                job.outputBucket(),
                job.summaryKey(),
                Json.toJsonBytes(summary),
                "application/json");
        table.createJob(job);
        LOG.warn("job {} failed before it started: {}", jobId, reason);
        return new SplitOutcome(bucket, key, jobId, JobStatus.FAILED, 0, 0, reason);
    }

    private JobRecord newJob(
            String bucket,
            String key,
            String versionOrEtag,
            String jobId,
            JobParameters parameters,
            DatasetLayout layout,
            int partitions,
            String outputPrefix) {
        long now = clock.millis();
        PartitionSpec spec = parameters.partitionSpec();
        return new JobRecord(
                jobId,
                bucket,
                key,
                versionOrEtag,
                JobStatus.SUBMITTING,
                now,
                0,
                JobDeadlines.deadlineAt(now, layout.dataBytes()),
                partitions,
                0,
                layout.rows(),
                layout.dataBytes(),
                layout.headerBytesRead(),
                targetBytes(spec),
                targetSamples(spec),
                parameters.batchSize(),
                layout.redshifts().isPresent(),
                settings.outputBucket(),
                outputPrefix,
                null);
    }

    private static long targetBytes(PartitionSpec spec) {
        return spec instanceof PartitionSpec.BySize size ? size.bytes() : 0;
    }

    private static long targetSamples(PartitionSpec spec) {
        return spec instanceof PartitionSpec.BySamples samples ? samples.samples() : 0;
    }
}
