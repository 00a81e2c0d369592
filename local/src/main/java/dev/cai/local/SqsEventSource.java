package dev.cai.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Polls an SQS queue for a function the way Lambda's event source mapping does: one poller per
 * concurrent container, batches of up to {@code batchSize} messages, messages deleted after
 * success, and with {@code ReportBatchItemFailures} only the reported messages left for a retry.
 *
 * <p>Unlike Lambda, a failed message is made visible again after {@code retryDelay} instead of
 * after the whole visibility timeout, so local retries take seconds. Redrive to the dead-letter
 * queue after {@code maxReceiveCount} receives is the queue's own policy, as on AWS.
 */
final class SqsEventSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSource.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final LocalFunction function;
    private final Duration retryDelay;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> pollers = new ArrayList<>();

    SqsEventSource(
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            int batchSize,
            LocalFunction function,
            Duration retryDelay) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = batchSize;
        this.function = function;
        this.retryDelay = retryDelay;
    }

    /**
     * Starts one poller thread per container. A container is built by its thread when the first
     * batch arrives, as Lambda starts a container for an invocation, so its initialisation (loading
     * the model) is a cold start inside the job. Each container is used by its thread only.
     */
    void start(
            List<? extends Supplier<? extends RequestHandler<SQSEvent, SQSBatchResponse>>>
                    containers) {
        for (int i = 0; i < containers.size(); i++) {
            Supplier<? extends RequestHandler<SQSEvent, SQSBatchResponse>> container =
                    containers.get(i);
            Thread thread = new Thread(() -> poll(container), function.name() + "-" + i);
            thread.setDaemon(true);
            pollers.add(thread);
            thread.start();
        }
    }

    private void poll(Supplier<? extends RequestHandler<SQSEvent, SQSBatchResponse>> container) {
        RequestHandler<SQSEvent, SQSBatchResponse> handler = null;
        while (running.get()) {
            try {
                List<Message> messages = receive();
                if (messages.isEmpty()) {
                    continue;
                }
                if (handler == null) {
                    handler = initialise(container, messages);
                    if (handler == null) {
                        continue;
                    }
                }
                deliver(handler, messages);
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.error(
                            "{}: polling {} failed; retrying in 1 s", function.name(), queueUrl, e);
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Builds a container for a batch that has arrived. When that fails, as a Lambda init error
     * would, the batch is left for a retry and this returns null.
     */
    private RequestHandler<SQSEvent, SQSBatchResponse> initialise(
            Supplier<? extends RequestHandler<SQSEvent, SQSBatchResponse>> container,
            List<Message> messages) {
        try {
            return container.get();
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "{}: a container failed to initialise; {} messages will be retried",
                    function.name(),
                    messages.size(),
                    e);
            Set<String> all = new HashSet<>();
            for (Message message : messages) {
                all.add(message.messageId());
            }
            settle(messages, all);
            sleep(retryDelay);
            return null;
        }
    }

    private List<Message> receive() {
        return sqs.receiveMessage(
                        ReceiveMessageRequest.builder()
                                .queueUrl(queueUrl)
                                .maxNumberOfMessages(batchSize)
                                .waitTimeSeconds(1)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                                .messageAttributeNames("All")
                                .build())
                .messages();
    }

    private void deliver(
            RequestHandler<SQSEvent, SQSBatchResponse> handler, List<Message> messages) {
        SQSEvent event = LambdaEvents.sqsEvent(messages, queueArn);
        Set<String> failed = new HashSet<>();
        try {
            SQSBatchResponse response = handler.handleRequest(event, function.newContext());
            if (response != null && response.getBatchItemFailures() != null) {
                for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                    failed.add(failure.getItemIdentifier());
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "{} failed on a batch of {} messages; all will be retried",
                    function.name(),
                    messages.size(),
                    e);
            for (Message message : messages) {
                failed.add(message.messageId());
            }
        }
        settle(messages, failed);
    }

    /** Deletes the messages that succeeded and schedules the failed ones for a retry. */
    private void settle(List<Message> messages, Set<String> failed) {
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(
                        ChangeMessageVisibilityRequest.builder()
                                .queueUrl(queueUrl)
                                .receiptHandle(message.receiptHandle())
                                .visibilityTimeout((int) retryDelay.toSeconds())
                                .build());
                continue;
            }
            String entryId = "m" + ids.size();
            ids.put(entryId, message.messageId());
            deletes.add(
                    DeleteMessageBatchRequestEntry.builder()
                            .id(entryId)
                            .receiptHandle(message.receiptHandle())
                            .build());
        }
        if (!deletes.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : pollers) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
