package dev.cai.aggregator;

import dev.cai.job.JobRecord;
import dev.cai.job.PartitionResult;
import dev.cai.port.JobTable;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts partition completions and finishes a job when the last one is counted.
 *
 * <p>Counting is one atomic conditional update that adds the partition to the job's counted set and
 * increments the count only if the partition was not in the set, so a stream record delivered twice
 * is counted once. Finishing is checked on every record, not only on the one that reached the
 * total, so a crash between counting and finishing is repaired by the redelivery.
 */
public final class Aggregator {

    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);

    private final JobTable table;
    private final JobFinisher finisher;

    public Aggregator(JobTable table, JobFinisher finisher) {
        this.table = table;
        this.finisher = finisher;
    }

    /** Counts one partition result and finishes its job if every partition has ended. */
    public void accept(PartitionResult result) throws IOException {
        int counted = table.markCounted(result.jobId(), result.partitionId());
        Optional<JobRecord> job = table.getJob(result.jobId());
        if (job.isEmpty()) {
            LOG.warn(
                    "partition {} belongs to job {}, which is not in the table; ignoring it",
                    result.partitionId(),
                    result.jobId());
            return;
        }
        JobRecord record = job.get();
        if (record.status().isTerminal()) {
            LOG.info(
                    "job {} has already ended {}; partition {} changes nothing",
                    record.jobId(),
                    record.status(),
                    result.partitionId());
            return;
        }
        if (counted >= record.partitionCount()) {
            finisher.finishIfComplete(record.withCountedPartitions(counted));
        }
    }
}
