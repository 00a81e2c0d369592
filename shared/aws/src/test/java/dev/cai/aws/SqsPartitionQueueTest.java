package dev.cai.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cai.json.Json;
import dev.cai.plan.ArraySlice;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.PartitionQueue.QueueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

class SqsPartitionQueueTest {

    private static EmbeddedSqs server;
    private static SqsClient sqs;

    @BeforeAll
    static void startServer() {
        server = EmbeddedSqs.start();
        sqs = AwsClients.sqs(server.target());
    }

    @AfterAll
    static void stopServer() {
        sqs.close();
        server.close();
    }

    @Test
    void send_23Descriptors_arriveAsEqualRecords() {
        String queueUrl = sqs.createQueue(b -> b.queueName("partitions-23")).queueUrl();
        List<PartitionDescriptor> sent =
                IntStream.range(0, 23).mapToObj(id -> descriptor("job-23", id, 23)).toList();

        new SqsPartitionQueue(sqs, queueUrl).send(sent);

        List<PartitionDescriptor> received = receiveAll(queueUrl, 23);
        received.sort(Comparator.comparingInt(PartitionDescriptor::partitionId));
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void send_23Descriptors_usesThreeBatchCalls() {
        String queueUrl = sqs.createQueue(b -> b.queueName("partitions-batches")).queueUrl();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder =
                new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(
                            Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof SendMessageBatchRequest batch) {
                            batchSizes.add(batch.entries().size());
                        }
                    }
                };
        try (SqsClient observed = clientWith(recorder)) {
            List<PartitionDescriptor> sent =
                    IntStream.range(0, 23).mapToObj(id -> descriptor("job-b", id, 23)).toList();

            new SqsPartitionQueue(observed, queueUrl).send(sent);
        }

        assertThat(batchSizes).containsExactly(10, 10, 3);
        assertThat(receiveAll(queueUrl, 23)).hasSize(23);
    }

    @Test
    void send_entryFailedByServer_isSentAgain() {
        String queueUrl = sqs.createQueue(b -> b.queueName("partitions-retry")).queueUrl();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<PartitionDescriptor> sent =
                IntStream.range(0, 3).mapToObj(id -> descriptor("job-r", id, 3)).toList();

        // SQS reports a server-side failure for partition 1 in the first response only.
        FailFirstResponse failure = new FailFirstResponse("partition-1", false, batchSizes);
        try (SqsClient faulty = clientWith(failure)) {
            new SqsPartitionQueue(faulty, queueUrl, Json::toJson, 3, Duration.ofMillis(1))
                    .send(sent);
        }

        assertThat(batchSizes).containsExactly(3, 1);
        assertThat(receiveAll(queueUrl, 4))
                .extracting(PartitionDescriptor::partitionId)
                .containsExactlyInAnyOrder(0, 1, 1, 2);
    }

    @Test
    void send_entryRejectedAsSenderFault_throwsWithoutRetry() {
        String queueUrl = sqs.createQueue(b -> b.queueName("partitions-rejected")).queueUrl();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        FailFirstResponse rejection = new FailFirstResponse("partition-2", true, batchSizes);
        try (SqsClient faulty = clientWith(rejection)) {
            SqsPartitionQueue queue =
                    new SqsPartitionQueue(faulty, queueUrl, Json::toJson, 3, Duration.ofMillis(1));

            assertThatThrownBy(() -> queue.send(List.of(descriptor("job-s", 2, 3))))
                    .isInstanceOf(QueueException.class)
                    .hasMessageContaining("partition-2 (InvalidParameterValue)");
        }
        assertThat(batchSizes).containsExactly(1);
    }

    @Test
    void send_messageAttributes_nameJobAndPartition() {
        String queueUrl = sqs.createQueue(b -> b.queueName("partitions-attributes")).queueUrl();

        new SqsPartitionQueue(sqs, queueUrl).send(List.of(descriptor("job-a", 7, 8)));

        Message message =
                sqs.receiveMessage(
                                b ->
                                        b.queueUrl(queueUrl)
                                                .messageAttributeNames("All")
                                                .waitTimeSeconds(1))
                        .messages()
                        .get(0);
        assertThat(message.messageAttributes().get("jobId").stringValue()).isEqualTo("job-a");
        assertThat(message.messageAttributes().get("partitionId").stringValue()).isEqualTo("7");
    }

    @Test
    void send_missingQueue_throwsNamingPartitions() {
        String missingUrl = server.endpoint() + "/000000000000/no-such-queue";
        SqsPartitionQueue queue =
                new SqsPartitionQueue(sqs, missingUrl, Json::toJson, 2, Duration.ofMillis(1));

        assertThatThrownBy(
                        () ->
                                queue.send(
                                        List.of(
                                                descriptor("job-m", 0, 2),
                                                descriptor("job-m", 1, 2))))
                .isInstanceOf(QueueException.class)
                .hasMessageContaining("partition-0")
                .hasMessageContaining("partition-1")
                .hasMessageContaining("job-m")
                .hasMessageContaining("no-such-queue");
    }

    @Test
    void constructor_zeroAttempts_throws() {
        assertThatThrownBy(
                        () ->
                                new SqsPartitionQueue(
                                        sqs,
                                        "http://127.0.0.1:1/q",
                                        Json::toJson,
                                        0,
                                        Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts 0");
    }

    private static SqsClient clientWith(ExecutionInterceptor interceptor) {
        return SqsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(LocalStandIns.REGION))
                .credentialsProvider(
                        AwsClients.staticCredentials(
                                LocalStandIns.ACCESS_KEY_ID, LocalStandIns.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    /**
     * Rewrites the first SendMessageBatch response of a real ElasticMQ exchange so that one entry
     * reads as failed, and records the entry count of every batch call.
     */
    private static final class FailFirstResponse implements ExecutionInterceptor {

        private final String entryId;
        private final boolean senderFault;
        private final List<Integer> batchSizes;

        FailFirstResponse(String entryId, boolean senderFault, List<Integer> batchSizes) {
            this.entryId = entryId;
            this.senderFault = senderFault;
            this.batchSizes = batchSizes;
        }

        @Override
        public void beforeExecution(
                Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof SendMessageBatchRequest batch) {
                batchSizes.add(batch.entries().size());
            }
        }

        @Override
        public SdkResponse modifyResponse(
                Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof SendMessageBatchResponse response)
                    || batchSizes.size() > 1) {
                return context.response();
            }
            return response.toBuilder()
                    .successful(
                            response.successful().stream()
                                    .filter(entry -> !entry.id().equals(entryId))
                                    .toList())
                    .failed(
                            BatchResultErrorEntry.builder()
                                    .id(entryId)
                                    .code(senderFault ? "InvalidParameterValue" : "InternalError")
                                    .message("injected failure")
                                    .senderFault(senderFault)
                                    .build())
                    .build();
        }
    }

    private static List<PartitionDescriptor> receiveAll(String queueUrl, int expected) {
        List<PartitionDescriptor> received = new ArrayList<>();
        for (int round = 0; round < 20 && received.size() < expected; round++) {
            for (Message message :
                    sqs.receiveMessage(
                                    b ->
                                            b.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .waitTimeSeconds(1))
                            .messages()) {
                received.add(Json.fromJson(message.body(), PartitionDescriptor.class));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return received;
    }

    static PartitionDescriptor descriptor(String jobId, int partitionId, int count) {
        long rowStart = partitionId * 1_000L;
        return new PartitionDescriptor(
                jobId,
                partitionId,
                count,
                "cai-input",
                rowStart,
                rowStart + 1_000L,
                List.of(
                        new ArraySlice(
                                "images",
                                "datasets/a b+c.npz",
                                128,
                                "<f4",
                                new long[] {23_000, 5, 64, 64}),
                        new ArraySlice(
                                "magnitudes",
                                "datasets/a b+c.npz",
                                377_487_488L,
                                "<f4",
                                new long[] {23_000, 5})),
                256,
                "cai-output",
                String.format("jobs/%s/predictions/part-%05d.csv", jobId, partitionId));
    }
}
