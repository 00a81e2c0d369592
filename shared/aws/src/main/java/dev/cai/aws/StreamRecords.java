package dev.cai.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.cai.job.PartitionResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads partition results out of DynamoDB Streams records, as Lambda delivers them in a {@code
 * DynamodbEvent}, and converts attribute values between the Lambda events model and SDK v2, so both
 * sides go through the one {@link JobItems} codec.
 */
public final class StreamRecords {

    private static final Set<String> TERMINAL_STATUSES = Set.of("DONE", "FAILED");
    private static final String REMOVE = "REMOVE";

    private StreamRecords() {}

    /**
     * Returns the partition result in the record's new image, or empty for a REMOVE record, an item
     * of another type, or a status other than DONE or FAILED.
     */
    public static Optional<PartitionResult> partitionResult(DynamodbStreamRecord record) {
        if (REMOVE.equals(record.getEventName()) || record.getDynamodb() == null) {
            return Optional.empty();
        }
        var newImage = record.getDynamodb().getNewImage();
        if (newImage == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = toSdk(newImage);
        boolean partition =
                JobItems.typeOf(item).filter(JobItems.TYPE_PARTITION::equals).isPresent();
        AttributeValue status = item.get(JobItems.STATUS);
        if (!partition || status == null || !TERMINAL_STATUSES.contains(status.s())) {
            return Optional.empty();
        }
        return Optional.of(JobItems.toPartitionResult(item));
    }

    /** Converts an item from the Lambda events model to SDK v2 attribute values. */
    public static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
                    item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    /** Converts an item from SDK v2 to the Lambda events model, for records built locally. */
    public static Map<
                    String,
                    com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
            toEvent(Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
                converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toEvent(value)));
        return converted;
    }

    static AttributeValue toSdk(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB().duplicate()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(
                    value.getBS().stream()
                            .map(b -> SdkBytes.fromByteBuffer(b.duplicate()))
                            .toList());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(toSdk(value.getM()));
        }
        if (value.getL() != null) {
            return AttributeValue.fromL(value.getL().stream().map(StreamRecords::toSdk).toList());
        }
        if (Boolean.TRUE.equals(value.getNULL())) {
            return AttributeValue.fromNul(true);
        }
        throw new IllegalArgumentException(
                "invalid stream attribute value "
                        + value
                        + ": expected one of S, N, B, BOOL, NULL, SS, NS, BS, M, L");
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toEvent(
            AttributeValue value) {
        var converted =
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(value.nul());
            case B -> converted.setB(ByteBuffer.wrap(value.b().asByteArray()));
            case SS -> converted.setSS(new ArrayList<>(value.ss()));
            case NS -> converted.setNS(new ArrayList<>(value.ns()));
            case BS -> converted.setBS(byteBuffers(value));
            case M -> converted.setM(toEvent(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecords::toEvent).toList());
            default ->
                    throw new IllegalArgumentException(
                            "invalid attribute value " + value + ": unknown type " + value.type());
        }
        return converted;
    }

    private static List<ByteBuffer> byteBuffers(AttributeValue value) {
        return value.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList();
    }
}
