package dev.cai.splitter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.cai.aws.AwsClients;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.aws.SqsPartitionQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda entry point for S3 {@code ObjectCreated} events on the input bucket. Builds its clients
 * once per container and delegates each record to {@link Splitter}.
 *
 * <p>An invalid dataset is not an error of this function: the job is recorded FAILED with the
 * reason. An I/O or queue failure is: it escapes so that Lambda retries the asynchronous event, and
 * the retry resumes the job.
 */
public final class SplitterHandler implements RequestHandler<S3Event, SplitterResponse> {

    private final Splitter splitter;

    /** Builds the handler from the environment, as Lambda does. */
    public SplitterHandler() {
        this(fromEnvironment());
    }

    public SplitterHandler(Splitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public SplitterResponse handleRequest(S3Event event, Context context) {
        List<SplitOutcome> outcomes = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            S3ObjectEntity object = record.getS3().getObject();
            String key = S3EventKeys.decode(object.getKey());
            String version =
                    object.getVersionId() != null && !object.getVersionId().isEmpty()
                            ? object.getVersionId()
                            : object.geteTag();
            try {
                outcomes.add(splitter.split(bucket, key, version));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "failed to read s3://" + bucket + "/" + key + "; the event will be retried",
                        e);
            }
        }
        return new SplitterResponse(outcomes);
    }

    private static Splitter fromEnvironment() {
        SplitterSettings settings = SplitterSettings.fromEnvironment(System.getenv());
        Clock clock = Clock.systemUTC();
        return new Splitter(
                new S3ObjectStore(AwsClients.s3()),
                new SqsPartitionQueue(AwsClients.sqs(), settings.queueUrl()),
                new DynamoJobTable(
                        AwsClients.dynamoDb(),
                        settings.jobTable(),
                        JobItems.expiringAfterDays(settings.ttlDays(), clock)),
                settings,
                clock);
    }
}
