package dev.cai.aws;

import dev.cai.json.Json;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.PartitionQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The {@link PartitionQueue} on Amazon SQS. Descriptors go out as JSON message bodies in
 * SendMessageBatch calls of at most 10 entries, the SQS limit. Entries that SQS reports as failed
 * through no fault of the sender are sent again with exponential backoff, and so are whole calls
 * that fail after the SDK's own retries. Entries rejected as the sender's fault are not retried,
 * because they would fail the same way.
 */
public final class SqsPartitionQueue implements PartitionQueue {

    /** SQS accepts at most 10 entries per SendMessageBatch call. */
    public static final int MAX_BATCH = 10;

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(SqsPartitionQueue.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<PartitionDescriptor, String> encoder;
    private final int maxAttempts;
    private final Duration backoff;

    /** Creates a queue that encodes descriptors with {@link Json#toJson(Object)}. */
    public SqsPartitionQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Json::toJson, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF);
    }

    /**
     * Creates a queue with its own encoding and retry settings.
     *
     * @param maxAttempts sends per entry before giving up, at least 1
     * @param backoff the wait before the second attempt, doubled before each later one
     */
    public SqsPartitionQueue(
            SqsClient sqs,
            String queueUrl,
            Function<PartitionDescriptor, String> encoder,
            int maxAttempts,
            Duration backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "invalid maxAttempts " + maxAttempts + ": expected at least 1");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.encoder = encoder;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public void send(List<PartitionDescriptor> descriptors) {
        for (int from = 0; from < descriptors.size(); from += MAX_BATCH) {
            List<PartitionDescriptor> batch =
                    descriptors.subList(from, Math.min(from + MAX_BATCH, descriptors.size()));
            sendBatch(batch);
        }
    }

    private void sendBatch(List<PartitionDescriptor> batch) {
        Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
        for (PartitionDescriptor descriptor : batch) {
            SendMessageBatchRequestEntry entry = entry(descriptor);
            pending.put(entry.id(), entry);
        }
        SdkException lastError = null;
        List<String> rejected = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt, pending.keySet());
            }
            try {
                SendMessageBatchResponse response =
                        sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(pending.values()));
                response.successful().forEach(ok -> pending.remove(ok.id()));
                rejected.addAll(dropSenderFaults(response.failed(), pending));
            } catch (SdkException e) {
                lastError = e;
                LOG.warn(
                        "SendMessageBatch to {} failed on attempt {} of {}",
                        queueUrl,
                        attempt,
                        maxAttempts,
                        e);
            }
        }
        if (!pending.isEmpty() || !rejected.isEmpty()) {
            List<String> failed = new ArrayList<>(rejected);
            failed.addAll(pending.keySet());
            throw new QueueException(
                    "sending partitions "
                            + failed
                            + " of job "
                            + batch.get(0).jobId()
                            + " to "
                            + queueUrl
                            + " failed after "
                            + maxAttempts
                            + " attempts",
                    lastError);
        }
    }

    private List<String> dropSenderFaults(
            List<BatchResultErrorEntry> failures,
            Map<String, SendMessageBatchRequestEntry> pending) {
        List<String> rejected = new ArrayList<>();
        for (BatchResultErrorEntry failure : failures) {
            LOG.warn(
                    "SQS rejected entry {}: {} {} (sender fault: {})",
                    failure.id(),
                    failure.code(),
                    failure.message(),
                    failure.senderFault());
            if (Boolean.TRUE.equals(failure.senderFault())) {
                pending.remove(failure.id());
                rejected.add(failure.id() + " (" + failure.code() + ")");
            }
        }
        return rejected;
    }

    private SendMessageBatchRequestEntry entry(PartitionDescriptor descriptor) {
        return SendMessageBatchRequestEntry.builder()
                .id("partition-" + descriptor.partitionId())
                .messageBody(encoder.apply(descriptor))
                .messageAttributes(
                        Map.of(
                                "jobId", stringAttribute(descriptor.jobId()),
                                "partitionId", numberAttribute(descriptor.partitionId())))
                .build();
    }

    private void pause(int attempt, Iterable<String> ids) {
        long millis = backoff.toMillis() << (attempt - 2);
        LOG.info("Retrying {} in {} ms (attempt {} of {})", ids, millis, attempt, maxAttempts);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("interrupted while retrying " + ids + " to " + queueUrl, e);
        }
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue numberAttribute(int value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(Integer.toString(value))
                .build();
    }
}
