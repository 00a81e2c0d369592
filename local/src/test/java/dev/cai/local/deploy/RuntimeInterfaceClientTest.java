package dev.cai.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cai.aws.AwsClients;
import dev.cai.aws.Dynalite;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.EmbeddedS3;
import dev.cai.aws.EmbeddedSqs;
import dev.cai.aws.JobItems;
import dev.cai.aws.JobTableSchema;
import dev.cai.aws.LocalStandIns;
import dev.cai.dataset.NpyDType;
import dev.cai.dataset.NpzWriter;
import dev.cai.dataset.NpzWriter.ArraySpec;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Runs each Lambda handler in its own JVM under the runtime interface client, as the java21 runtime
 * does, against a fake Runtime API serving the fixtures in {@code events/}. The handlers reach
 * S3Proxy, ElasticMQ and dynalite on loopback through the SDK's endpoint variables.
 */
class RuntimeInterfaceClientTest {

    private static final String INPUT_BUCKET = "cai-input";
    private static final String OUTPUT_BUCKET = "cai-output";
    private static final String TABLE = "cai-jobs";
    private static final String FIXTURE_JOB = "3f1c2a9d7b5e4c60";
    private static final String UPLOADED_KEY = "datasets/survey one/field+7-ü.npz";
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(3);

    private static Path root;
    private static EmbeddedS3 s3Server;
    private static EmbeddedSqs sqsServer;
    private static Dynalite dynalite;
    private static S3Client s3;
    private static SqsClient sqs;
    private static DynamoDbClient dynamoDb;
    private static DynamoJobTable table;
    private static String queueUrl;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void startStandIns() throws Exception {
        root = Path.of(System.getProperty("cai.repository.root"));
        s3Server = EmbeddedS3.start();
        sqsServer = EmbeddedSqs.start();
        dynalite = Dynalite.start(root);
        s3 = AwsClients.s3(s3Server.target());
        sqs = AwsClients.sqs(sqsServer.target());
        dynamoDb = AwsClients.dynamoDb(dynalite.target());
        s3.createBucket(b -> b.bucket(INPUT_BUCKET));
        s3.createBucket(b -> b.bucket(OUTPUT_BUCKET));
        queueUrl = sqs.createQueue(b -> b.queueName("cai-partitions")).queueUrl();
        JobTableSchema.create(dynamoDb, TABLE);
        table =
                new DynamoJobTable(
                        dynamoDb, TABLE, JobItems.expiringAfterDays(30, Clock.systemUTC()));
        table.createJob(job(FIXTURE_JOB, 12, Long.MAX_VALUE));
    }

    @AfterAll
    static void stopStandIns() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {s3, sqs, dynamoDb}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (dynalite != null) {
            dynalite.close();
        }
        if (sqsServer != null) {
            sqsServer.close();
        }
        if (s3Server != null) {
            s3Server.close();
        }
    }

    /**
     * Uploads the test dataset from memory, retrying after a short wait. In one full CI run the S3
     * stand-in closed the connection of a streamed file upload three times in a row, right after
     * the previous test's handler process was stopped.
     */
    // NOTE: the stand-in's reason for closing those connections was not found.
    private void upload(Path file) throws Exception {
        byte[] content = Files.readAllBytes(file);
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(
                        b -> b.bucket(INPUT_BUCKET).key(UPLOADED_KEY),
                        RequestBody.fromBytes(content));
                return;
            } catch (SdkClientException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(500L * attempt);
            }
        }
    }

    @Test
    void splitter_s3PutEvent_queuesEveryPartition(@TempDir Path work) throws Exception {
        Path npz = writeDataset(work.resolve("upload.npz"), 40);
        upload(npz);
        Map<String, String> env = splitterEnvironment();

        JsonNode response =
                invoke("dev.cai.splitter.SplitterHandler::handleRequest", "s3-put.json", env, work);

        JsonNode outcome = response.path("outcomes").get(0);
        assertThat(outcome.path("key").asText()).isEqualTo(UPLOADED_KEY);
        assertThat(outcome.path("partitions").asInt()).isEqualTo(4);
        assertThat(queuedMessages()).isEqualTo(4);
    }

    @Test
    void worker_unreadablePartition_reportsBatchItemFailure(@TempDir Path work) throws Exception {
        Path model = root.resolve("model/saved-model");
        String tensorflow = System.getenv("TENSORFLOW_LIBRARY_PATH");
        assumeTrue(
                Files.isDirectory(model),
                model + " not found: the worker needs the shipped SavedModel");
        assumeTrue(
                tensorflow != null && Files.isDirectory(Path.of(tensorflow)),
                "TENSORFLOW_LIBRARY_PATH does not name the unpacked TensorFlow libraries");
        Map<String, String> env = commonEnvironment("cai-inference-worker");
        env.put("JOB_TABLE", TABLE);
        env.put("MODEL_PATH", model.toString());
        env.put("MODEL_INPUTS", "");
        env.put("MAX_RECEIVE_COUNT", "5");
        env.put("JOB_TTL_DAYS", "30");
        env.put("ARCHITECTURE", "x86_64");
        env.put("TENSORFLOW_LIBRARY_PATH", tensorflow);
        env.put("DJL_CACHE_DIR", work.resolve("djl").toString());
        env.put("ENGINE_CACHE_DIR", work.resolve("djl").toString());
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");

        // The fixture's byte ranges lie far past the end of any object in the stand-in bucket.
        JsonNode response =
                invoke(
                        "dev.cai.worker.InferenceWorkerHandler::handleRequest",
                        "sqs-partition.json",
                        env,
                        work);

        String messageId =
                fixture("sqs-partition.json").path("Records").get(0).path("messageId").asText();
        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText())
                .isEqualTo(messageId);
    }

    @Test
    void aggregator_streamEvent_countsPartitionOnce(@TempDir Path work) throws Exception {
        JsonNode response =
                invoke(
                        "dev.cai.aggregator.AggregatorHandler::handleRequest",
                        "dynamodb-stream.json",
                        aggregatorEnvironment("cai-aggregator"),
                        work);

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(table.getJob(FIXTURE_JOB).orElseThrow().countedPartitions()).isEqualTo(1);
    }

    @Test
    void deadLetter_sqsEvent_recordsPartitionFailed(@TempDir Path work) throws Exception {
        JsonNode response =
                invoke(
                        "dev.cai.aggregator.DeadLetterHandler::handleRequest",
                        "sqs-partition.json",
                        aggregatorEnvironment("cai-dead-letter"),
                        work);

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(table.getPartitionResult(FIXTURE_JOB, 7).orElseThrow().status())
                .isEqualTo(PartitionStatus.FAILED);
    }

    @Test
    void deadline_scheduledEvent_endsOverdueJob(@TempDir Path work) throws Exception {
        String overdue = "overdue-" + System.nanoTime();
        table.createJob(job(overdue, 3, System.currentTimeMillis() - 60_000));

        JsonNode response =
                invoke(
                        "dev.cai.aggregator.DeadlineHandler::handleRequest",
                        "scheduled.json",
                        aggregatorEnvironment("cai-deadline"),
                        work);

        assertThat(response.toString()).contains(overdue);
        assertThat(table.getJob(overdue).orElseThrow().status()).isEqualTo(JobStatus.INCOMPLETE);
    }

    private JsonNode invoke(String handler, String eventFile, Map<String, String> env, Path work)
            throws Exception {
        String event = Files.readString(root.resolve("events").resolve(eventFile));
        try (FakeRuntimeApi api = FakeRuntimeApi.start(event)) {
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("_HANDLER", handler);
            try (HandlerProcess process = HandlerProcess.start(handler, env, work)) {
                FakeRuntimeApi.Outcome outcome;
                try {
                    outcome = api.awaitOutcome(REPLY_TIMEOUT);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(
                            handler
                                    + " sent no reply within "
                                    + REPLY_TIMEOUT
                                    + "; its output:\n"
                                    + process.logTail(),
                            e);
                }
                assertThat(outcome.kind())
                        .as(
                                "%s replied %s; its output:%n%s",
                                handler, outcome.body(), process.logTail())
                        .isEqualTo("response");
                return mapper.readTree(outcome.body());
            }
        }
    }

    private Map<String, String> splitterEnvironment() {
        Map<String, String> env = commonEnvironment("cai-splitter");
        env.put("JOB_TABLE", TABLE);
        env.put("PARTITION_QUEUE_URL", queueUrl);
        env.put("OUTPUT_BUCKET", OUTPUT_BUCKET);
        env.put("OUTPUT_PREFIX", "jobs/");
        env.put("PARTITION_SIZE", "");
        env.put("PARTITION_SAMPLES", "10");
        env.put("BATCH_SIZE", "16");
        env.put("ARRAY_NAMES", "");
        env.put("JOB_TTL_DAYS", "30");
        return env;
    }

    private Map<String, String> aggregatorEnvironment(String functionName) {
        Map<String, String> env = commonEnvironment(functionName);
        env.put("JOB_TABLE", TABLE);
        env.put("OUTPUT_BUCKET", OUTPUT_BUCKET);
        env.put("PRICE_TABLE", "");
        env.put("JOB_TTL_DAYS", "30");
        env.put("MAX_RECEIVE_COUNT", "5");
        return env;
    }

    /** The variables Lambda sets for every function, with the stand-ins as endpoints. */
    private static Map<String, String> commonEnvironment(String functionName) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_TOOL_OPTIONS", "-Dfile.encoding=UTF-8 -Dai.djl.offline=true");
        env.put("AWS_REGION", LocalStandIns.REGION);
        env.put("AWS_DEFAULT_REGION", LocalStandIns.REGION);
        env.put("AWS_ACCESS_KEY_ID", LocalStandIns.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", LocalStandIns.SECRET_KEY);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ENDPOINT_URL_S3", s3Server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[$LATEST]test");
        return env;
    }

    private JsonNode fixture(String name) throws Exception {
        return mapper.readTree(Files.readString(root.resolve("events").resolve(name)));
    }

    private static int queuedMessages() {
        String count =
                sqs.getQueueAttributes(
                                b ->
                                        b.queueUrl(queueUrl)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return Integer.parseInt(count);
    }

    private static Path writeDataset(Path file, int rows) throws Exception {
        int bands = 5;
        int side = 8;
        try (NpzWriter writer =
                new NpzWriter(
                        file,
                        List.of(
                                new ArraySpec(
                                        "images",
                                        NpyDType.FLOAT32_LE,
                                        new long[] {rows, bands, side, side}),
                                new ArraySpec(
                                        "magnitudes",
                                        NpyDType.FLOAT32_LE,
                                        new long[] {rows, bands})))) {
            float[] images = new float[rows * bands * side * side];
            float[] magnitudes = new float[rows * bands];
            for (int i = 0; i < images.length; i++) {
                images[i] = (i % 97) / 97f;
            }
            for (int i = 0; i < magnitudes.length; i++) {
                magnitudes[i] = 18f + (i % 7);
            }
            writer.writeRows("images", images, 0, images.length);
            writer.writeRows("magnitudes", magnitudes, 0, magnitudes.length);
        }
        return file;
    }

    private static JobRecord job(String jobId, int partitions, long deadlineAtMillis) {
        long now = System.currentTimeMillis();
        return new JobRecord(
                jobId,
                INPUT_BUCKET,
                UPLOADED_KEY,
                "5d41402abc4b2a76b9719d911017c592",
                JobStatus.RUNNING,
                now,
                0L,
                deadlineAtMillis,
                partitions,
                0,
                100_000L,
                1_638_400_000L,
                1_024L,
                134_217_728L,
                0L,
                256,
                true,
                OUTPUT_BUCKET,
                "jobs/" + jobId + "/",
                null);
    }
}
