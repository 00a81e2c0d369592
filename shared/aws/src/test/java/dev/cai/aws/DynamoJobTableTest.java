package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.job.JobStatus;
import dev.cai.port.JobTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The job-table contract against dynalite, plus the raw items DynamoDB stores. */
class DynamoJobTableTest extends JobTableContract {

    private static final String TABLE = "cai-jobs";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static Dynalite dynalite;
    private static DynamoDbClient dynamoDb;
    private static DynamoJobTable table;

    @BeforeAll
    static void startDynalite() throws Exception {
        dynalite = Dynalite.start(Dynalite.repositoryRoot());
        dynamoDb = AwsClients.dynamoDb(dynalite.target());
        JobTableSchema.create(dynamoDb, TABLE);
        table =
                new DynamoJobTable(
                        dynamoDb,
                        TABLE,
                        JobItems.expiringAfterDays(7, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stopDynalite() throws Exception {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Override
    protected JobTable table() {
        return table;
    }

    @Override
    protected long nowMillis() {
        return NOW.toEpochMilli();
    }

    @Test
    void markCounted_storesNumberSetBesideCount() {
        String jobId = JobFixtures.newJobId();
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.markCounted(jobId, 5);
        table.markCounted(jobId, 9);

        Map<String, AttributeValue> item = rawJobItem(jobId);

        assertThat(item.get(JobItems.COUNTED).ns()).containsExactlyInAnyOrder("5", "9");
        assertThat(item.get(JobItems.COUNTED_PARTITIONS).n()).isEqualTo("2");
    }

    @Test
    void createJob_storesTypeAndExpiry() {
        String jobId = JobFixtures.newJobId();
        table.createJob(JobFixtures.job(jobId, JobStatus.SUBMITTING));

        Map<String, AttributeValue> item = rawJobItem(jobId);

        assertThat(item.get(JobItems.TYPE).s()).isEqualTo("JOB");
        assertThat(item.get(JobItems.EXPIRES_AT).n())
                .isEqualTo(Long.toString(NOW.plusSeconds(7 * 86_400).getEpochSecond()));
    }

    private static Map<String, AttributeValue> rawJobItem(String jobId) {
        return dynamoDb.getItem(
                        b -> b.tableName(TABLE).key(JobItems.jobKey(jobId)).consistentRead(true))
                .item();
    }
}
