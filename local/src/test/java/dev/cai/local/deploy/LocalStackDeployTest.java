package dev.cai.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.aws.AwsClients;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.JobItems;
import dev.cai.aws.JobTableSchema;
import dev.cai.aws.S3ObjectStore;
import dev.cai.aws.SqsPartitionQueue;
import dev.cai.job.JobStatus;
import dev.cai.json.Json;
import dev.cai.plan.ArraySlice;
import dev.cai.plan.PartitionDescriptor;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapters against LocalStack's S3, SQS and DynamoDB, which implement more of the real APIs
 * than the embedded stand-ins (DynamoDB Streams and time to live among them). Needs Docker, so it
 * is skipped where none runs.
 *
 * <p>NOTE: this covers the adapters against LocalStack, not a deployment of template.yaml: that
 * needs the SAM CLI and the worker image inside the container, and is not automated yet.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDeployTest {

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"));

    @Test
    void adapters_roundTripThroughLocalStack() throws Exception {
        AwsClients.Target target =
                AwsClients.Target.of(
                        LOCALSTACK.getEndpoint(),
                        LOCALSTACK.getRegion(),
                        LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey());
        try (S3Client s3 = AwsClients.s3(target);
                SqsClient sqs = AwsClients.sqs(target);
                DynamoDbClient dynamoDb = AwsClients.dynamoDb(target)) {
            s3.createBucket(b -> b.bucket("cai-input"));
            S3ObjectStore store = new S3ObjectStore(s3);
            store.put("cai-input", "datasets/a b+c.bin", new byte[] {1, 2, 3, 4}, "text/plain");
            String queueUrl = sqs.createQueue(b -> b.queueName("cai-partitions")).queueUrl();
            JobTableSchema.create(dynamoDb, "cai-jobs");
            DynamoJobTable table =
                    new DynamoJobTable(
                            dynamoDb, "cai-jobs", JobItems.expiringAfterDays(1, Clock.systemUTC()));

            new SqsPartitionQueue(sqs, queueUrl).send(List.of(descriptor()));
            boolean created =
                    table.createJob(
                            new dev.cai.job.JobRecord(
                                    "job-ls",
                                    "cai-input",
                                    "datasets/a b+c.bin",
                                    "etag",
                                    JobStatus.RUNNING,
                                    0,
                                    0,
                                    0,
                                    1,
                                    0,
                                    1,
                                    4,
                                    4,
                                    4,
                                    0,
                                    1,
                                    false,
                                    "cai-output",
                                    "jobs/job-ls/",
                                    null));

            assertThat(store.open("cai-input", "datasets/a b+c.bin").read(1, 2))
                    .containsExactly(2, 3);
            assertThat(
                            Json.fromJson(
                                    sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5))
                                            .messages()
                                            .get(0)
                                            .body(),
                                    PartitionDescriptor.class))
                    .isEqualTo(descriptor());
            assertThat(created).isTrue();
            assertThat(table.markCounted("job-ls", 0)).isEqualTo(1);
            assertThat(table.markCounted("job-ls", 0)).isEqualTo(1);
        }
    }

    private static PartitionDescriptor descriptor() {
        return new PartitionDescriptor(
                "job-ls",
                0,
                1,
                "cai-input",
                0,
                1,
                List.of(
                        new ArraySlice(
                                "images", "datasets/a b+c.bin", 0, "<f4", new long[] {1, 1})),
                1,
                "cai-output",
                "jobs/job-ls/part-00000.csv");
    }
}
