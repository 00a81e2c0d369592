package dev.cai.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.aggregator.AggregatorFunctions;
import dev.cai.aggregator.AggregatorSettings;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.JobSummary;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.json.Json;
import dev.cai.local.table.InMemoryJobTable;
import dev.cai.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregator under redelivered and out-of-order completions, on the in-process table. */
class AggregatorRedeliveryTest {

    @TempDir Path workDir;

    private LocalCloud cloud;
    private InMemoryJobTable table;
    private ObjectStore store;
    private AggregatorFunctions functions;

    @BeforeEach
    void start() throws Exception {
        cloud = LocalCloud.start(workDir, 30, 3);
        table = new InMemoryJobTable(JobItems.expiringAfterDays(30, Clock.systemUTC()));
        store = new S3ObjectStore(cloud.s3());
        functions =
                AggregatorFunctions.of(
                        table,
                        store,
                        new AggregatorSettings(
                                "local", LocalCloud.OUTPUT_BUCKET, Optional.empty(), 30, 3));
    }

    @AfterEach
    void stop() throws Exception {
        cloud.close();
    }

    @Test
    void accept_sameCompletionTwice_countsItOnce() throws Exception {
        JobRecord job = job("job-a", 3);
        table.createJob(job);
        PartitionResult first = done("job-a", 0, 100);
        table.putPartitionResult(first);

        functions.aggregator().accept(first);
        functions.aggregator().accept(first);

        JobRecord after = table.getJob("job-a").orElseThrow();
        assertThat(after.countedPartitions()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void accept_outOfOrderAndRepeated_endsJobWithExactTotals() throws Exception {
        table.createJob(job("job-b", 3));
        PartitionResult p0 = done("job-b", 0, 100);
        PartitionResult p1 = done("job-b", 1, 100);
        PartitionResult p2 = failed("job-b", 2);
        for (PartitionResult result : new PartitionResult[] {p2, p0, p1}) {
            table.putPartitionResult(result);
        }

        for (PartitionResult result : new PartitionResult[] {p2, p0, p2, p1, p0, p1}) {
            functions.aggregator().accept(result);
        }

        JobRecord after = table.getJob("job-b").orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETE_WITH_FAILURES);
        JobSummary summary =
                Json.fromJson(
                        new String(
                                store.get(LocalCloud.OUTPUT_BUCKET, after.summaryKey()),
                                StandardCharsets.UTF_8),
                        JobSummary.class);
        assertThat(summary.samples()).isEqualTo(200);
        assertThat(summary.partitions().done()).isEqualTo(2);
        assertThat(summary.partitions().failed()).isEqualTo(1);
        assertThat(summary.partitions().failedPartitions().get(0).partitionId()).isEqualTo(2);
        assertThat(summary.partitions().failedPartitions().get(0).error()).contains("corrupt");
    }

    private static JobRecord job(String jobId, int partitions) {
        long now = System.currentTimeMillis();
        return new JobRecord(
                jobId,
                LocalCloud.INPUT_BUCKET,
                "datasets/x.npz",
                "etag",
                JobStatus.RUNNING,
                now,
                0,
                now + 600_000,
                partitions,
                0,
                300,
                300 * 1000L,
                512,
                25_000_000L,
                0,
                512,
                false,
                LocalCloud.OUTPUT_BUCKET,
                "jobs/" + jobId + "/",
                null);
    }

    private static PartitionResult done(String jobId, int partition, long samples) {
        long now = System.currentTimeMillis();
        return new PartitionResult(
                jobId,
                partition,
                PartitionStatus.DONE,
                1,
                "r" + partition,
                samples,
                samples * 1000,
                5,
                10,
                3,
                20,
                2,
                40,
                3008,
                900,
                partition == 0,
                0,
                now,
                now + 40,
                "jobs/" + jobId + "/predictions/part-0000" + partition + ".csv",
                null);
    }

    private static PartitionResult failed(String jobId, int partition) {
        long now = System.currentTimeMillis();
        return new PartitionResult(
                jobId,
                partition,
                PartitionStatus.FAILED,
                3,
                "r" + partition,
                0,
                0,
                5,
                0,
                0,
                0,
                0,
                10,
                3008,
                900,
                false,
                0,
                now,
                now + 10,
                null,
                "EOFException: corrupt range");
    }
}
