package dev.cai.local.fault;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * An SQS client whose calls fail at the throttling rate, before reaching the queue, with an {@link
 * SqsException} of status 400 and error code {@code ThrottlingException}. It forwards only the
 * calls the splitter and the worker event source make; the others throw {@link
 * UnsupportedOperationException}.
 */
final class ThrottlingSqsClient implements SqsClient {

    private final SqsClient delegate;
    private final FaultInjection injection;

    ThrottlingSqsClient(SqsClient delegate, FaultInjection injection) {
        this.delegate = delegate;
        this.injection = injection;
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        throttle("ReceiveMessage");
        return delegate.receiveMessage(request);
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        throttle("DeleteMessageBatch");
        return delegate.deleteMessageBatch(request);
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(
            ChangeMessageVisibilityRequest request) {
        throttle("ChangeMessageVisibility");
        return delegate.changeMessageVisibility(request);
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        throttle("SendMessageBatch");
        return delegate.sendMessageBatch(request);
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        throttle("SendMessage");
        return delegate.sendMessage(request);
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        return delegate.getQueueAttributes(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    /** Leaves the delegate open: the local cloud owns and closes it. */
    @Override
    public void close() {}

    private void throttle(String call) {
        if (!injection.plan().draw(FaultKind.THROTTLING)) {
            return;
        }
        injection.counters().add(FaultKind.THROTTLING);
        throw (SqsException)
                SqsException.builder()
                        .message("injected throttling of " + call)
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("ThrottlingException")
                                        .errorMessage("injected throttling of " + call)
                                        .serviceName("Sqs")
                                        .build())
                        .build();
    }
}
