package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JobItemsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final JobItems items = JobItems.expiringAfterDays(30, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void jobItem_roundTrip_equalsRecord() {
        JobRecord job = JobFixtures.job("job-1", JobStatus.RUNNING);

        assertThat(JobItems.toJob(items.jobItem(job))).isEqualTo(job);
    }

    @Test
    void jobItem_keysTypeAndExpiry_followLayout() {
        Map<String, AttributeValue> item =
                items.jobItem(JobFixtures.job("job-1", JobStatus.RUNNING));

        assertThat(item.get("pk").s()).isEqualTo("JOB#job-1");
        assertThat(item.get("sk").s()).isEqualTo("JOB");
        assertThat(item.get("type").s()).isEqualTo("JOB");
        assertThat(item.get("status").s()).isEqualTo("RUNNING");
        assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void jobItem_nullReason_isLeftOut() {
        Map<String, AttributeValue> item =
                items.jobItem(JobFixtures.job("job-1", JobStatus.RUNNING));

        assertThat(item).doesNotContainKey("reason");
    }

    @Test
    void jobItem_unfinishedMarker_onlyWhileNotTerminal() {
        assertThat(items.jobItem(JobFixtures.job("a", JobStatus.SUBMITTING)))
                .containsKey(JobItems.UNFINISHED);
        assertThat(items.jobItem(JobFixtures.job("b", JobStatus.COMPLETE)))
                .doesNotContainKey(JobItems.UNFINISHED);
    }

    @Test
    void partitionItem_roundTripAndSortKey() {
        PartitionResult failed = JobFixtures.result("job-1", 7, PartitionStatus.FAILED, 3, "r-9");

        Map<String, AttributeValue> item = items.partitionItem(failed);

        assertThat(JobItems.toPartitionResult(item)).isEqualTo(failed);
        assertThat(item.get("sk").s()).isEqualTo("PART#00007");
        assertThat(item.get("type").s()).isEqualTo("PARTITION");
        assertThat(item.get("coldStart").bool()).isFalse();
        assertThat(item).doesNotContainKey("predictionsKey");
    }

    @Test
    void attemptItem_roundTripAndSortKey() {
        AttemptRecord attempt = JobFixtures.attempt("job-1", 7, "req-42", "DUPLICATE");

        Map<String, AttributeValue> item = items.attemptItem(attempt);

        assertThat(JobItems.toAttempt(item)).isEqualTo(attempt);
        assertThat(item.get("sk").s()).isEqualTo("ATTEMPT#00007#req-42");
        assertThat(item.get("type").s()).isEqualTo("ATTEMPT");
    }

    @Test
    void toJob_missingNumbers_decodeAsZero() {
        Map<String, AttributeValue> item =
                new HashMap<>(items.jobItem(JobFixtures.job("job-1", JobStatus.RUNNING)));
        item.remove("countedPartitions");

        assertThat(JobItems.toJob(item).countedPartitions()).isZero();
    }

    @Test
    void toJob_stringNumber_throws() {
        Map<String, AttributeValue> item =
                new HashMap<>(items.jobItem(JobFixtures.job("job-1", JobStatus.RUNNING)));
        item.put("rows", AttributeValue.fromS("many"));

        assertThatThrownBy(() -> JobItems.toJob(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows");
    }

    @Test
    void expiringAfterDays_zero_throws() {
        assertThatThrownBy(() -> JobItems.expiringAfterDays(0, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JOB_TTL_DAYS 0");
    }
}
