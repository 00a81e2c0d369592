package dev.cai.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import dev.cai.splitter.S3EventKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** Builds the events Lambda would deliver, from what the local stand-ins return. */
final class LambdaEvents {

    private LambdaEvents() {}

    /**
     * Returns the S3 {@code ObjectCreated:Put} event for one object, its key encoded as S3 does.
     */
    static S3Event objectCreated(String bucket, String key, long size, String etag) {
        S3ObjectEntity object =
                new S3ObjectEntity(
                        S3EventKeys.encode(key),
                        size,
                        etag,
                        null,
                        Long.toHexString(System.nanoTime()).toUpperCase());
        S3BucketEntity bucketEntity =
                new S3BucketEntity(
                        bucket, new UserIdentityEntity("LOCAL"), "arn:aws:s3:::" + bucket);
        S3Entity s3 = new S3Entity("cai-input-trigger", bucketEntity, object, "1.0");
        S3EventNotificationRecord record =
                new S3EventNotificationRecord(
                        "us-east-1",
                        "ObjectCreated:Put",
                        "aws:s3",
                        Instant.now().toString(),
                        "2.1",
                        null,
                        null,
                        s3,
                        new UserIdentityEntity("LOCAL"));
        return new S3Event(List.of(record));
    }

    /** Returns the SQS event for a batch of received messages. */
    static SQSEvent sqsEvent(List<Message> messages, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion("us-east-1");
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setMessageAttributes(Map.of());
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
