package dev.cai.local.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cai.aws.JobItems;
import dev.cai.aws.StreamRecords;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Compares the change feed's records, serialised the way the Lambda Java runtime serialises a
 * {@link DynamodbEvent}, with the recorded stream event in {@code events/dynamodb-stream.json}.
 */
class ChangeFeedJsonTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String JOB_ID = "3f1c2a9d7b5e4c60";

    private final PojoSerializer<DynamodbEvent> serializer =
            LambdaEventSerializers.serializerFor(
                    DynamodbEvent.class, ChangeFeedJsonTest.class.getClassLoader());
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisedFeed_hasShapeOfRecordedStreamEvent() throws Exception {
        JsonNode expected = mapper.readTree(Files.readString(fixture()));

        JsonNode actual = mapper.readTree(toJson(eventFromFeed()));

        JsonNode expectedRecords = expected.get("Records");
        JsonNode actualRecords = actual.get("Records");
        assertThat(actualRecords.size()).isEqualTo(expectedRecords.size());
        for (int i = 0; i < expectedRecords.size(); i++) {
            assertThat(paths(actualRecords.get(i)))
                    .as("record %d (%s)", i, expectedRecords.get(i).path("eventName").asText())
                    .isEqualTo(paths(expectedRecords.get(i)));
        }
    }

    @Test
    void recordedStreamEvent_decodesThroughCodec() throws Exception {
        DynamodbEvent event;
        try (InputStream in = Files.newInputStream(fixture())) {
            event = serializer.fromJson(in);
        }

        List<Optional<PartitionResult>> results = new ArrayList<>();
        for (DynamodbStreamRecord record : event.getRecords()) {
            results.add(StreamRecords.partitionResult(record));
        }

        assertThat(results.get(0).map(PartitionResult::status)).contains(PartitionStatus.FAILED);
        assertThat(results.get(1).map(PartitionResult::status)).contains(PartitionStatus.DONE);
        assertThat(results.get(1).map(PartitionResult::partitionId)).contains(7);
        assertThat(results.get(2)).isEmpty();
    }

    // The same three changes as the recorded event: FAILED inserted, DONE over it, then expiry.
    private DynamodbEvent eventFromFeed() throws Exception {
        InMemoryJobTable table =
                new InMemoryJobTable(
                        JobItems.expiringAfterDays(30, Clock.fixed(NOW, ZoneOffset.UTC)));
        table.putPartitionResult(result(PartitionStatus.FAILED));
        table.putPartitionResult(result(PartitionStatus.DONE));
        table.deleteExpired(NOW.plus(Duration.ofDays(31)));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(table.feed().poll(10, Duration.ZERO));
        return event;
    }

    private static PartitionResult result(PartitionStatus status) {
        boolean done = status == PartitionStatus.DONE;
        return new PartitionResult(
                JOB_ID,
                7,
                status,
                done ? 2 : 1,
                "request-" + status,
                8_333L,
                134_217_728L,
                41L,
                1_180L,
                310L,
                2_480L,
                95L,
                4_150L,
                3_008,
                1_702L,
                !done,
                done ? 0L : 2_100L,
                NOW.toEpochMilli(),
                NOW.toEpochMilli() + 4_150L,
                done ? "jobs/" + JOB_ID + "/predictions/part-00007.csv" : null,
                done ? null : "partition 7: read timed out");
    }

    private String toJson(DynamodbEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Returns every field path with the JSON type at its end, numbers all as "number". */
    private static TreeSet<String> paths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(prefix + "." + field.getKey(), field.getValue(), paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(prefix + "[]", element, paths));
        } else {
            paths.add(prefix + ":" + (node.isNumber() ? "number" : node.getNodeType()));
        }
    }

    private static Path fixture() {
        return Path.of(System.getProperty("cai.repository.root"), "events/dynamodb-stream.json");
    }
}
