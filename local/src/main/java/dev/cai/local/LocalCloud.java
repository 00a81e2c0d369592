package dev.cai.local;

import dev.cai.aws.AwsClients;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Embedded stand-ins for S3 and SQS on 127.0.0.1: S3Proxy over a folder (objects survive the run,
 * under {@code workDir/s3}) and ElasticMQ with the partition queue, its dead-letter queue and the
 * redrive policy the deployed stack has.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String INPUT_BUCKET = "cai-input";
    public static final String OUTPUT_BUCKET = "cai-output";
    public static final String REGION = "us-east-1";
    static final String PARTITION_QUEUE = "cai-partitions";
    static final String DEAD_LETTER_QUEUE = "cai-partitions-dlq";

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String ACCESS_KEY = "local-access-key";
    private static final String SECRET_KEY = "local-secret-key";

    private final S3Proxy s3Proxy;
    private final SQSRestServer sqsServer;
    private final S3Client s3;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final FileChannel lock;

    private LocalCloud(
            S3Proxy s3Proxy,
            SQSRestServer sqsServer,
            S3Client s3,
            SqsClient sqs,
            String queueUrl,
            String deadLetterQueueUrl,
            FileChannel lock) {
        this.s3Proxy = s3Proxy;
        this.sqsServer = sqsServer;
        this.s3 = s3;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.lock = lock;
    }

    /**
     * Locks the work folder for this process, because two processes sharing it would overwrite each
     * other's job table.
     */
    private static FileChannel lockWorkDir(Path workDir) throws IOException {
        Path file = workDir.resolve(".lock");
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new IllegalStateException(
                    "another cai process is using the work folder "
                            + workDir
                            + ": wait for it to end, or choose another folder with --out");
        }
        return channel;
    }

    /**
     * Starts both stand-ins and creates the buckets and queues.
     *
     * @param workDir folder for stored objects
     * @param visibilityTimeoutSeconds the partition queue's visibility timeout
     * @param maxReceiveCount receives before a message moves to the dead-letter queue
     */
    public static LocalCloud start(Path workDir, int visibilityTimeoutSeconds, int maxReceiveCount)
            throws Exception {
        Path blobs = workDir.resolve("s3");
        Files.createDirectories(blobs);
        FileChannel lock = lockWorkDir(workDir);
        try {
            S3Proxy proxy = startS3(blobs);
            SQSRestServer server =
                    SQSRestServerBuilder.withInterface(LOOPBACK).withDynamicPort().start();
            int sqsPort = server.waitUntilStarted().localAddress().getPort();

            S3Client s3 =
                    AwsClients.s3(target(URI.create("http://" + LOOPBACK + ":" + proxy.getPort())));
            SqsClient sqs =
                    AwsClients.sqs(target(URI.create("http://" + LOOPBACK + ":" + sqsPort)));
            createBucket(s3, INPUT_BUCKET);
            createBucket(s3, OUTPUT_BUCKET);
            String dlq = sqs.createQueue(b -> b.queueName(DEAD_LETTER_QUEUE)).queueUrl();
            String queue =
                    createPartitionQueue(sqs, dlq, visibilityTimeoutSeconds, maxReceiveCount);
            LOG.info("local S3 on port {}, SQS on port {}", proxy.getPort(), sqsPort);
            return new LocalCloud(proxy, server, s3, sqs, queue, dlq, lock);
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    /** Creates the partition queue with its redrive policy to the dead-letter queue. */
    private static String createPartitionQueue(
            SqsClient sqs,
            String deadLetterUrl,
            int visibilityTimeoutSeconds,
            int maxReceiveCount) {
        String deadLetterArn = queueArn(sqs, deadLetterUrl);
        String redrive =
                String.format(
                        "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}",
                        deadLetterArn, maxReceiveCount);
        Map<QueueAttributeName, String> attributes =
                Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Integer.toString(visibilityTimeoutSeconds),
                        QueueAttributeName.REDRIVE_POLICY,
                        redrive);
        return sqs.createQueue(b -> b.queueName(PARTITION_QUEUE).attributes(attributes)).queueUrl();
    }

    private static String queueArn(SqsClient sqs, String url) {
        GetQueueAttributesRequest request =
                GetQueueAttributesRequest.builder()
                        .queueUrl(url)
                        .attributeNames(QueueAttributeName.QUEUE_ARN)
                        .build();
        return sqs.getQueueAttributes(request).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static S3Proxy startS3(Path blobs) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy =
                S3Proxy.builder()
                        .blobStore(BlobStores.create("filesystem", properties))
                        .endpoint(URI.create("http://" + LOOPBACK + ":0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
        proxy.start();
        return proxy;
    }

    private static AwsClients.Target target(URI endpoint) {
        return AwsClients.Target.of(endpoint, REGION, ACCESS_KEY, SECRET_KEY);
    }

    private static void createBucket(S3Client s3, String bucket) {
        boolean exists = s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket));
        if (!exists) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    /** Returns the ARN ElasticMQ gives a queue, for event records. */
    String queueArn(String url) {
        return queueArn(sqs, url);
    }

    @Override
    public void close() throws IOException {
        try {
            s3.close();
            sqs.close();
            sqsServer.stopAndWait();
            s3Proxy.stop();
        } catch (Exception e) {
            throw new IOException("failed to stop the local stand-ins", e);
        } finally {
            lock.close();
        }
    }
}
