package dev.cai.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cai.aws.AwsClients;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.dataset.DatasetFormatException;
import dev.cai.json.Json;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.JobTable;
import dev.cai.worker.model.ModelSignatureException;
import dev.cai.worker.model.SavedModelPredictor;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lambda entry point for batches of partition messages from SQS. The model is loaded once, when the
 * container starts; each message is processed on its own, and a message that fails is reported in
 * {@code batchItemFailures} so that only it is retried. No exception escapes the handler.
 *
 * <p>On a message's last attempt ({@code ApproximateReceiveCount >= MAX_RECEIVE_COUNT}) a failure
 * also records the partition FAILED with the reason, so the job can end even before the message
 * reaches the dead-letter queue.
 */
public final class InferenceWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceWorkerHandler.class);

    private final PartitionProcessor processor;
    private final int maxReceiveCount;
    private final Clock clock;
    private final long initMillis;
    private boolean coldStart = true;

    /** Builds the handler from the environment and loads the model, as Lambda does at init. */
    public InferenceWorkerHandler() {
        this(WorkerSettings.fromEnvironment(System.getenv()), Clock.systemUTC(), jvmStart());
    }

    private InferenceWorkerHandler(WorkerSettings settings, Clock clock, long containerStart) {
        this(processorFor(settings, clock), settings.maxReceiveCount(), clock, containerStart);
    }

    /**
     * Builds a handler around a processor, as the local runtime and tests do.
     *
     * @param containerStart {@code clock.millis()} when building this container began, so the time
     *     spent loading the model counts as initialisation
     */
    public InferenceWorkerHandler(
            PartitionProcessor processor, int maxReceiveCount, Clock clock, long containerStart) {
        this.processor = processor;
        this.maxReceiveCount = maxReceiveCount;
        this.clock = clock;
        this.initMillis = clock.millis() - containerStart;
    }

    private static PartitionProcessor processorFor(WorkerSettings settings, Clock clock) {
        JobTable table =
                new DynamoJobTable(
                        AwsClients.dynamoDb(),
                        settings.jobTable(),
                        JobItems.expiringAfterDays(settings.ttlDays(), clock));
        return new PartitionProcessor(
                new S3ObjectStore(AwsClients.s3()),
                table,
                SavedModelPredictor.load(settings.modelPath(), settings.modelInputs()),
                settings.architecture(),
                clock);
    }

    /** Returns when the JVM started: on Lambda, the start of the container's init phase. */
    private static long jvmStart() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean first = true;
        for (SQSMessage message : event.getRecords()) {
            boolean cold = first && coldStart;
            first = false;
            if (!processMessage(message, context, cold)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        coldStart = false;
        return new SQSBatchResponse(failures);
    }

    /**
     * Returns whether the message is done with: predicted, or recorded FAILED for good. Exceptions
     * and running out of memory count as a failure of this message only; other errors escape and
     * fail the batch, as a crash would.
     */
    private boolean processMessage(SQSMessage message, Context context, boolean cold) {
        long started = clock.millis();
        Map<String, String> attributes =
                message.getAttributes() == null ? Map.of() : message.getAttributes();
        int receiveCount = parseInt(attributes.get("ApproximateReceiveCount"), 1);
        long sentAt = parseLong(attributes.get("SentTimestamp"), started);
        PartitionDescriptor descriptor;
        try {
            descriptor = Json.fromJson(message.getBody(), PartitionDescriptor.class);
        } catch (RuntimeException e) {
            LOG.error(
                    "message {} is not a partition descriptor and will reach the dead-letter "
                            + "queue: {}",
                    message.getMessageId(),
                    e.toString());
            return false;
        }
        AttemptContext attempt =
                new AttemptContext(
                        context.getAwsRequestId(),
                        receiveCount,
                        sentAt,
                        context.getMemoryLimitInMB(),
                        cold,
                        cold ? initMillis : 0);
        MDC.put("jobId", descriptor.jobId());
        MDC.put("partitionId", Integer.toString(descriptor.partitionId()));
        try {
            processor.process(descriptor, attempt);
            return true;
        } catch (Exception | OutOfMemoryError e) {
            return handleFailure(descriptor, attempt, started, e);
        } finally {
            MDC.remove("jobId");
            MDC.remove("partitionId");
        }
    }

    /**
     * Records a failed attempt and, on the last attempt or for a failure that no retry can fix, the
     * partition's FAILED result.
     *
     * @return true when the partition was recorded FAILED for good, so the message is done with;
     *     false when it should be retried
     */
    private boolean handleFailure(
            PartitionDescriptor descriptor, AttemptContext attempt, long started, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        boolean permanent = isPermanent(error);
        boolean last = permanent || attempt.attempt() >= maxReceiveCount;
        String outcome;
        if (permanent) {
            outcome = " (the dataset does not fit: recording it FAILED without retries)";
        } else if (last) {
            outcome = " (last attempt: recording it FAILED)";
        } else {
            outcome = "";
        }
        LOG.error(
                "partition {} of job {} failed on attempt {} of {}{}: {}",
                descriptor.partitionId(),
                descriptor.jobId(),
                attempt.attempt(),
                maxReceiveCount,
                outcome,
                reason,
                permanent ? null : error);
        try {
            processor.recordFailure(descriptor, attempt, started, reason, last);
            return permanent;
        } catch (RuntimeException recordError) {
            LOG.error(
                    "could not record the failure of partition {} of job {}; the message will be "
                            + "retried: {}",
                    descriptor.partitionId(),
                    descriptor.jobId(),
                    recordError.toString());
            return false;
        }
    }

    /** Returns whether a retry of the same partition must fail the same way. */
    private static boolean isPermanent(Throwable error) {
        return error instanceof ModelSignatureException || error instanceof DatasetFormatException;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
