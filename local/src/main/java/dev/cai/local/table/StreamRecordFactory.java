package dev.cai.local.table;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import dev.cai.aws.JobItems;
import dev.cai.aws.StreamRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds change records shaped like those DynamoDB Streams delivers to Lambda for a table with
 * stream view type NEW_AND_OLD_IMAGES, with increasing sequence numbers.
 */
final class StreamRecordFactory {

    static final String INSERT = "INSERT";
    static final String MODIFY = "MODIFY";
    static final String REMOVE = "REMOVE";

    private static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final String region;
    private final String streamArn;
    private final Clock clock;
    private long sequence;

    StreamRecordFactory(String region, String tableName, Clock clock) {
        this.region = region;
        this.clock = clock;
        this.streamArn =
                "arn:aws:dynamodb:"
                        + region
                        + ":000000000000:table/"
                        + tableName
                        + "/stream/"
                        + STREAM_LABEL.format(clock.instant());
    }

    String streamArn() {
        return streamArn;
    }

    /** Builds the record of a write; {@code oldImage} or {@code newImage} is null where absent. */
    DynamodbStreamRecord write(
            Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        String eventName = oldImage == null ? INSERT : MODIFY;
        return record(eventName, newImage, oldImage, null);
    }

    /** Builds the record of a deletion by time to live, which names DynamoDB as the principal. */
    DynamodbStreamRecord expiry(Map<String, AttributeValue> oldImage) {
        Identity identity = new Identity();
        identity.setPrincipalId(TTL_PRINCIPAL);
        identity.setType("Service");
        return record(REMOVE, null, oldImage, identity);
    }

    private DynamodbStreamRecord record(
            String eventName,
            Map<String, AttributeValue> newImage,
            Map<String, AttributeValue> oldImage,
            Identity identity) {
        Map<String, AttributeValue> keys = JobItems.keyOf(newImage != null ? newImage : oldImage);
        StreamRecord change = new StreamRecord();
        // Streams report the creation time to the second.
        change.setApproximateCreationDateTime(new Date(clock.instant().getEpochSecond() * 1000));
        change.setKeys(StreamRecords.toEvent(keys));
        if (newImage != null) {
            change.setNewImage(StreamRecords.toEvent(newImage));
        }
        if (oldImage != null) {
            change.setOldImage(StreamRecords.toEvent(oldImage));
        }
        change.setSequenceNumber(String.format("%021d", ++sequence));
        change.setSizeBytes(sizeOf(keys) + sizeOf(newImage) + sizeOf(oldImage));
        change.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);

        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(UUID.randomUUID().toString().replace("-", ""));
        record.setEventName(eventName);
        record.setEventVersion("1.1");
        record.setEventSource("aws:dynamodb");
        record.setAwsRegion(region);
        record.setEventSourceARN(streamArn);
        record.setDynamodb(change);
        record.setUserIdentity(identity);
        return record;
    }

    // An estimate of the stored size: attribute names plus values, numbers as their digits.
    private static long sizeOf(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length;
            size += sizeOf(entry.getValue());
        }
        return size;
    }

    private static long sizeOf(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> value.n().length();
            case NS -> value.ns().stream().mapToLong(String::length).sum();
            case SS ->
                    value.ss().stream()
                            .mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length)
                            .sum();
            case M -> sizeOf(value.m());
            case L -> value.l().stream().mapToLong(StreamRecordFactory::sizeOf).sum();
            case B -> value.b().asByteArray().length;
            default -> 1;
        };
    }
}
