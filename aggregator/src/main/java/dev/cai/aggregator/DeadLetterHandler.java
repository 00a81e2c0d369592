package dev.cai.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.json.Json;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.JobTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the partition queue's dead-letter queue. Records each partition that
 * landed there FAILED (unless a worker has since finished it), so the aggregator can end the job
 * COMPLETE_WITH_FAILURES instead of waiting for the deadline. The worker also records FAILED on a
 * message's last attempt. This handler covers attempts that died without recording anything: a
 * timeout, a crash, or running out of memory.
 */
public final class DeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final JobTable table;
    private final Clock clock;

    public DeadLetterHandler() {
        this(AggregatorFunctions.fromEnvironment().table(), Clock.systemUTC());
    }

    public DeadLetterHandler(JobTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords()) {
            try {
                record(message, context);
            } catch (RuntimeException e) {
                LOG.error(
                        "could not record dead-lettered message {}: {}",
                        message.getMessageId(),
                        e.toString());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void record(SQSMessage message, Context context) {
        PartitionDescriptor descriptor;
        try {
            descriptor = Json.fromJson(message.getBody(), PartitionDescriptor.class);
        } catch (RuntimeException e) {
            LOG.error(
                    "dead-lettered message {} is not a partition descriptor and is dropped: {}",
                    message.getMessageId(),
                    e.toString());
            return;
        }
        Map<String, String> attributes =
                message.getAttributes() == null ? Map.of() : message.getAttributes();
        long sentAt = parseOrZero(attributes.get("SentTimestamp"));
        Optional<PartitionResult> existing =
                table.getPartitionResult(descriptor.jobId(), descriptor.partitionId());
        if (existing.isPresent() && existing.get().endedAtMillis() >= sentAt) {
            // A worker recorded this message's outcome (DONE, or FAILED with the real reason on
            // its last attempt); a generic reason must not replace it.
            LOG.info(
                    "partition {} of job {} reached the dead-letter queue, but its {} result is "
                            + "already recorded",
                    descriptor.partitionId(),
                    descriptor.jobId(),
                    existing.get().status());
            return;
        }
        String receives = attributes.getOrDefault("ApproximateReceiveCount", "?");
        int attempts = (int) parseOrZero(receives);
        long now = clock.millis();
        String reason =
                "reached the dead-letter queue after "
                        + receives
                        + " receives without a recorded result (timeout, crash or out of memory)";
        PartitionResult failed =
                new PartitionResult(
                        descriptor.jobId(),
                        descriptor.partitionId(),
                        PartitionStatus.FAILED,
                        attempts,
                        context.getAwsRequestId(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        false,
                        0,
                        now,
                        now,
                        null,
                        reason);
        boolean written = table.putPartitionResult(failed);
        LOG.warn(
                "partition {} of job {} reached the dead-letter queue; {}",
                descriptor.partitionId(),
                descriptor.jobId(),
                written ? "recorded FAILED" : "a worker had already finished it");
    }

    private static long parseOrZero(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
