package dev.cai.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cai.aws.AwsClients;
import dev.cai.aws.Dynalite;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.EmbeddedS3;
import dev.cai.aws.JobFixtures;
import dev.cai.aws.JobItems;
import dev.cai.aws.JobTableSchema;
import dev.cai.aws.LocalStandIns;
import dev.cai.aws.S3ObjectStore;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionStatus;
import dev.cai.port.ObjectInfo;
import dev.cai.splitter.JobIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code submit} and {@code status} against S3Proxy and dynalite on loopback. The commands build
 * their clients from the standard AWS chain, as against a real account, so the test points that
 * chain at the stand-ins with the JVM system properties SDK 2.x reads.
 */
class AwsCommandsTest {

    private static final Map<String, String> PROPERTIES = new java.util.HashMap<>();
    private static EmbeddedS3 s3;
    private static Dynalite dynalite;
    private static DynamoJobTable table;
    private static final String TABLE = "cai-jobs-commands";

    @TempDir static Path folder;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.start();
        dynalite = Dynalite.start(Dynalite.repositoryRoot());
        PROPERTIES.put("aws.region", LocalStandIns.REGION);
        PROPERTIES.put("aws.accessKeyId", LocalStandIns.ACCESS_KEY_ID);
        PROPERTIES.put("aws.secretAccessKey", LocalStandIns.SECRET_KEY);
        PROPERTIES.put("aws.endpointUrlS3", s3.endpoint().toString());
        PROPERTIES.put("aws.endpointUrlDynamoDb", dynalite.endpoint().toString());
        PROPERTIES.forEach(System::setProperty);

        DynamoDbClient dynamoDb = AwsClients.dynamoDb(dynalite.target());
        JobTableSchema.create(dynamoDb, TABLE);
        table =
                new DynamoJobTable(
                        dynamoDb, TABLE, JobItems.expiringAfterDays(30, Clock.systemUTC()));
        S3Client client = AwsClients.s3(s3.target());
        client.createBucket(b -> b.bucket("cai-input"));
        client.createBucket(b -> b.bucket("cai-output"));
    }

    @AfterAll
    static void stop() throws Exception {
        PROPERTIES.keySet().forEach(System::clearProperty);
        if (dynalite != null) {
            dynalite.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void status_runningJob_countsPartitions() {
        String jobId = JobFixtures.newJobId();
        table.createJob(JobFixtures.job(jobId, JobStatus.RUNNING));
        table.putPartitionResult(JobFixtures.result(jobId, 0, PartitionStatus.DONE, 1, "a"));
        table.putPartitionResult(JobFixtures.result(jobId, 1, PartitionStatus.DONE, 1, "b"));
        table.putPartitionResult(JobFixtures.result(jobId, 2, PartitionStatus.FAILED, 5, "c"));

        Result result =
                execute(
                        "status",
                        jobId,
                        "--input-bucket",
                        "cai-input",
                        "--output-bucket",
                        "cai-output",
                        "--table",
                        TABLE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("RUNNING");
        assertThat(result.out()).contains("2 done, 1 failed, 9 pending of 12");
    }

    @Test
    void status_unknownJob_exitsWithMessage() {
        Result result =
                execute(
                        "status",
                        "no-such-job",
                        "--input-bucket",
                        "cai-input",
                        "--output-bucket",
                        "cai-output",
                        "--table",
                        TABLE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no-such-job").contains("not found");
    }

    @Test
    void submit_noWait_uploadsAndPrintsTheSplittersJobId() throws Exception {
        Path dataset = folder.resolve("my stamps+1.npz");
        Files.write(dataset, new byte[20_000]);

        Result result =
                execute(
                        "submit",
                        dataset.toString(),
                        "--no-wait",
                        "--input-bucket",
                        "cai-input",
                        "--output-bucket",
                        "cai-output",
                        "--table",
                        TABLE);

        S3ObjectStore store = new S3ObjectStore(AwsClients.s3(s3.target()));
        ObjectInfo info = store.head("cai-input", "datasets/my stamps+1.npz").orElseThrow();
        assertThat(result.exitCode()).isZero();
        assertThat(info.size()).isEqualTo(20_000);
        assertThat(result.out().trim())
                .isEqualTo(
                        JobIds.derive(
                                "cai-input",
                                "datasets/my stamps+1.npz",
                                info.versionId().orElse(info.etag())));
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result execute(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Result(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
