package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamRecordsTest {

    private final JobItems items = JobItems.expiringAfterDays(30, Clock.systemUTC());

    @Test
    void partitionResult_insertOfDone_returnsResult() {
        PartitionResult done = JobFixtures.result("job-1", 2, PartitionStatus.DONE, 1, "r1");

        DynamodbStreamRecord record = record("INSERT", items.partitionItem(done));

        assertThat(StreamRecords.partitionResult(record)).contains(done);
    }

    @Test
    void partitionResult_modifyToFailed_returnsResult() {
        PartitionResult failed = JobFixtures.result("job-1", 2, PartitionStatus.FAILED, 5, "r5");

        DynamodbStreamRecord record = record("MODIFY", items.partitionItem(failed));

        assertThat(StreamRecords.partitionResult(record)).contains(failed);
    }

    @Test
    void partitionResult_remove_returnsEmpty() {
        DynamodbStreamRecord record =
                record(
                        "REMOVE",
                        items.partitionItem(
                                JobFixtures.result("job-1", 2, PartitionStatus.DONE, 1, "r1")));

        assertThat(StreamRecords.partitionResult(record)).isEmpty();
    }

    @Test
    void partitionResult_jobItem_returnsEmpty() {
        DynamodbStreamRecord record =
                record("INSERT", items.jobItem(JobFixtures.job("job-1", JobStatus.RUNNING)));

        assertThat(StreamRecords.partitionResult(record)).isEmpty();
    }

    @Test
    void partitionResult_otherStatus_returnsEmpty() {
        Map<String, AttributeValue> item =
                new HashMap<>(
                        items.partitionItem(
                                JobFixtures.result("job-1", 2, PartitionStatus.DONE, 1, "r1")));
        item.put("status", AttributeValue.fromS("RUNNING"));

        assertThat(StreamRecords.partitionResult(record("MODIFY", item))).isEmpty();
    }

    @Test
    void toSdk_everyAttributeType_roundTrips() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("ünï"));
        item.put("n", AttributeValue.fromN("-12.5"));
        item.put("bool", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
        item.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromN("3"))));
        item.put(
                "l",
                AttributeValue.fromL(
                        List.of(AttributeValue.fromS("x"), AttributeValue.fromBool(true))));

        assertThat(StreamRecords.toSdk(StreamRecords.toEvent(item))).isEqualTo(item);
    }

    private static DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> item) {
        StreamRecord change = new StreamRecord();
        change.setKeys(StreamRecords.toEvent(JobItems.keyOf(item)));
        if ("REMOVE".equals(eventName)) {
            change.setOldImage(StreamRecords.toEvent(item));
        } else {
            change.setNewImage(StreamRecords.toEvent(item));
        }
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }
}
