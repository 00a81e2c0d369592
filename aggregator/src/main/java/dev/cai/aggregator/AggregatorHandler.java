package dev.cai.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.cai.aws.StreamRecords;
import dev.cai.job.PartitionResult;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lambda entry point for the job table's stream. Records other than partition results (job and
 * attempt items, TTL removals) are skipped. A record that fails is reported as the batch's first
 * failure, so Lambda retries from it and keeps the shard's order. The records after it are retried
 * too, which is harmless because counting ignores repeats.
 */
public final class AggregatorHandler
        implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorHandler.class);

    private final Aggregator aggregator;

    public AggregatorHandler() {
        this(AggregatorFunctions.fromEnvironment().aggregator());
    }

    public AggregatorHandler(Aggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records =
                event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbStreamRecord record : records) {
            Optional<PartitionResult> result;
            try {
                result = StreamRecords.partitionResult(record);
            } catch (RuntimeException e) {
                LOG.error(
                        "stream record {} is not a readable partition result; skipping it: {}",
                        record.getEventID(),
                        e.toString());
                continue;
            }
            if (result.isEmpty()) {
                continue;
            }
            MDC.put("jobId", result.get().jobId());
            MDC.put("partitionId", Integer.toString(result.get().partitionId()));
            try {
                aggregator.accept(result.get());
            } catch (Exception e) {
                LOG.error(
                        "failed to count partition {} of job {}; the batch will be retried from "
                                + "record {}",
                        result.get().partitionId(),
                        result.get().jobId(),
                        record.getEventID(),
                        e);
                String sequence = record.getDynamodb().getSequenceNumber();
                return new StreamsEventResponse(
                        List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            } finally {
                MDC.remove("jobId");
                MDC.remove("partitionId");
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
