package dev.cai.local.fault;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cai.json.Json;
import dev.cai.local.LocalContext;
import dev.cai.plan.PartitionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One worker container's handler with faults around it. It hands the worker handler one message at
 * a time, so that faults can be chosen per partition, and counts each of those runs in the {@link
 * WorkerLedger}. An {@link InjectedCrash} escapes to the event source like a crash of the Lambda
 * container.
 */
final class FaultyWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultyWorkerHandler.class);

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final WorkerFaults faults;
    private final FaultInjection injection;
    private final SqsClient sqs;
    private final String queueUrl;

    FaultyWorkerHandler(
            RequestHandler<SQSEvent, SQSBatchResponse> handler,
            WorkerFaults faults,
            FaultInjection injection,
            SqsClient sqs,
            String queueUrl) {
        this.handler = handler;
        this.faults = faults;
        this.injection = injection;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        SQSBatchResponse response = new SQSBatchResponse(new ArrayList<>());
        for (SQSMessage message : event.getRecords()) {
            response.getBatchItemFailures().addAll(handle(message, context));
        }
        return response;
    }

    private List<SQSBatchResponse.BatchItemFailure> handle(SQSMessage message, Context context) {
        Optional<PartitionDescriptor> parsed = parse(message);
        if (parsed.isEmpty()) {
            return failures(handler.handleRequest(single(message), context));
        }
        PartitionDescriptor descriptor = parsed.get();
        int attempt = receiveCount(message);
        FaultPlan plan = injection.plan();
        if (plan.decide(FaultKind.LOST_MESSAGE, descriptor.partitionId(), attempt)) {
            injection.counters().add(FaultKind.LOST_MESSAGE);
            LOG.warn(
                    "injected loss of message {} for partition {} of job {}",
                    message.getMessageId(),
                    descriptor.partitionId(),
                    descriptor.jobId());
            return List.of();
        }

        List<SQSBatchResponse.BatchItemFailure> failures;
        faults.begin(descriptor, attempt);
        try {
            failures = run(message, context, descriptor);
        } finally {
            faults.end();
        }

        if (plan.decide(FaultKind.DUPLICATE_DELIVERY, descriptor.partitionId(), attempt)) {
            duplicate(message, context, descriptor);
        }
        return failures;
    }

    private List<SQSBatchResponse.BatchItemFailure> run(
            SQSMessage message, Context context, PartitionDescriptor descriptor) {
        injection.ledger().recordRun(descriptor.jobId());
        try {
            return failures(handler.handleRequest(single(message), context));
        } catch (InjectedCrash e) {
            injection.ledger().recordCrash(descriptor.jobId());
            throw e;
        } finally {
            injection.ledger().endRun();
        }
    }

    /**
     * Delivers the message a second time, either at once to this container as a new invocation or
     * by sending a copy to the queue for any container to receive.
     */
    private void duplicate(SQSMessage message, Context context, PartitionDescriptor descriptor) {
        injection.counters().add(FaultKind.DUPLICATE_DELIVERY);
        if (injection.plan().coinFlip()) {
            LOG.info(
                    "injected redelivery of partition {} of job {} to the same container",
                    descriptor.partitionId(),
                    descriptor.jobId());
            Context second =
                    new LocalContext(
                            context.getFunctionName(),
                            context.getMemoryLimitInMB(),
                            context.getRemainingTimeInMillis() / 1000);
            run(message, second, descriptor);
            return;
        }
        LOG.info(
                "injected copy of the message for partition {} of job {}",
                descriptor.partitionId(),
                descriptor.jobId());
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.getBody()));
    }

    private static Optional<PartitionDescriptor> parse(SQSMessage message) {
        try {
            return Optional.of(Json.fromJson(message.getBody(), PartitionDescriptor.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int receiveCount(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static SQSEvent single(SQSMessage message) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private static List<SQSBatchResponse.BatchItemFailure> failures(SQSBatchResponse response) {
        if (response == null || response.getBatchItemFailures() == null) {
            return List.of();
        }
        return response.getBatchItemFailures();
    }
}
