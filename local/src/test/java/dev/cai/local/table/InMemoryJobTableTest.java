package dev.cai.local.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.cai.aws.JobFixtures;
import dev.cai.aws.JobItems;
import dev.cai.aws.JobTableContract;
import dev.cai.aws.StreamRecords;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.port.JobTable;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job-table contract in memory, and the change feed that replaces DynamoDB Streams locally. */
class InMemoryJobTableTest extends JobTableContract {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration NO_WAIT = Duration.ZERO;

    private final InMemoryJobTable table =
            new InMemoryJobTable(JobItems.expiringAfterDays(7, Clock.fixed(NOW, ZoneOffset.UTC)));

    @Override
    protected JobTable table() {
        return table;
    }

    @Override
    protected long nowMillis() {
        return NOW.toEpochMilli();
    }

    @Test
    void feed_insertThenModify_carriesImages() throws Exception {
        String jobId = JobFixtures.newJobId();
        table.putPartitionResult(JobFixtures.result(jobId, 4, PartitionStatus.FAILED, 1, "r1"));
        PartitionResult done = JobFixtures.result(jobId, 4, PartitionStatus.DONE, 2, "r2");
        table.putPartitionResult(done);

        List<DynamodbStreamRecord> records = table.feed().poll(10, NO_WAIT);

        assertThat(records)
                .extracting(DynamodbStreamRecord::getEventName)
                .containsExactly("INSERT", "MODIFY");
        DynamodbStreamRecord modify = records.get(1);
        assertThat(modify.getDynamodb().getOldImage().get("status").getS()).isEqualTo("FAILED");
        assertThat(modify.getDynamodb().getKeys()).containsOnlyKeys("pk", "sk");
        assertThat(StreamRecords.partitionResult(modify)).contains(done);
        assertThat(sequence(records.get(1))).isGreaterThan(sequence(records.get(0)));
    }

    @Test
    void feed_record_hasLambdaEnvelope() throws Exception {
        table.createJob(JobFixtures.job(JobFixtures.newJobId(), JobStatus.SUBMITTING));

        DynamodbStreamRecord record = table.feed().poll(1, NO_WAIT).get(0);

        assertThat(record.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.getAwsRegion()).isEqualTo(InMemoryJobTable.DEFAULT_REGION);
        assertThat(record.getEventSourceARN())
                .isEqualTo(table.streamArn())
                .startsWith("arn:aws:dynamodb:us-east-1:")
                .contains(":table/cai-jobs/stream/");
        assertThat(record.getEventID()).isNotBlank();
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(record.getDynamodb().getApproximateCreationDateTime().toInstant())
                .isEqualTo(NOW);
        assertThat(record.getDynamodb().getSizeBytes()).isPositive();
        assertThat(record.getDynamodb().getOldImage()).isNull();
    }

    @Test
    void feed_skippedWrite_publishesNothing() throws Exception {
        String jobId = JobFixtures.newJobId();
        table.putPartitionResult(JobFixtures.result(jobId, 0, PartitionStatus.DONE, 1, "r1"));
        table.feed().poll(10, NO_WAIT);

        table.putPartitionResult(JobFixtures.result(jobId, 0, PartitionStatus.FAILED, 2, "r2"));
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.markCounted(jobId, 0);
        table.markCounted(jobId, 0);

        assertThat(table.feed().poll(10, NO_WAIT))
                .extracting(DynamodbStreamRecord::getEventName)
                .containsExactly("INSERT", "MODIFY");
    }

    @Test
    void feed_pollEmpty_returnsEmptyAfterWait() throws Exception {
        assertThat(table.feed().poll(5, Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void feed_poll_limitsBatchSize() throws Exception {
        String jobId = JobFixtures.newJobId();
        for (int partitionId = 0; partitionId < 5; partitionId++) {
            table.putPartitionResult(
                    JobFixtures.result(jobId, partitionId, PartitionStatus.DONE, 1, "r"));
        }

        List<DynamodbStreamRecord> first = table.feed().poll(3, NO_WAIT);
        List<DynamodbStreamRecord> rest = table.feed().poll(10, NO_WAIT);

        assertThat(first)
                .extracting(r -> r.getDynamodb().getKeys().get("sk").getS())
                .containsExactly("PART#00000", "PART#00001", "PART#00002");
        assertThat(rest)
                .extracting(r -> r.getDynamodb().getKeys().get("sk").getS())
                .containsExactly("PART#00003", "PART#00004");
    }

    @Test
    void feed_waitingPoll_wakesOnWrite() throws Exception {
        Thread writer =
                new Thread(
                        () -> {
                            sleepQuietly(50);
                            table.createJob(
                                    JobFixtures.job(JobFixtures.newJobId(), JobStatus.SUBMITTING));
                        });
        writer.start();

        List<DynamodbStreamRecord> records = table.feed().poll(10, Duration.ofSeconds(30));
        writer.join();

        assertThat(records).hasSize(1);
    }

    @Test
    void deleteExpired_pastExpiry_removesItems() throws Exception {
        String jobId = JobFixtures.newJobId();
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.putAttempt(JobFixtures.attempt(jobId, 0, "r1", "DONE"));
        table.feed().poll(10, NO_WAIT);

        int notYet = table.deleteExpired(NOW.plus(Duration.ofDays(6)));
        int deleted = table.deleteExpired(NOW.plus(Duration.ofDays(8)));
        List<DynamodbStreamRecord> records = table.feed().poll(10, NO_WAIT);

        assertThat(notYet).isZero();
        assertThat(deleted).isEqualTo(2);
        assertThat(table.getJob(jobId)).isEmpty();
        assertThat(records)
                .extracting(DynamodbStreamRecord::getEventName)
                .containsExactly("REMOVE", "REMOVE");
        assertThat(records.get(0).getUserIdentity().getPrincipalId())
                .isEqualTo("dynamodb.amazonaws.com");
        assertThat(records.get(0).getUserIdentity().getType()).isEqualTo("Service");
        assertThat(records.get(0).getDynamodb().getNewImage()).isNull();
        assertThat(records.get(0).getDynamodb().getOldImage()).isNotNull();
    }

    @Test
    void unmarkCounted_lastPartition_dropsEmptySet() throws Exception {
        String jobId = JobFixtures.newJobId();
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.markCounted(jobId, 0);

        table.unmarkCounted(jobId, Set.of(0));

        List<DynamodbStreamRecord> records = table.feed().poll(10, NO_WAIT);
        DynamodbStreamRecord last = records.get(records.size() - 1);
        assertThat(last.getDynamodb().getNewImage()).doesNotContainKey(JobItems.COUNTED);
        assertThat(last.getDynamodb().getNewImage().get(JobItems.COUNTED_PARTITIONS).getN())
                .isEqualTo("0");
    }

    private static BigInteger sequence(DynamodbStreamRecord record) {
        return new BigInteger(record.getDynamodb().getSequenceNumber());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
