package dev.cai.local.fault;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A change feed that delivers some batches twice and shuffles some batches, as the plan draws.
 *
 * <p>A shuffle reorders records of different items and of the same item, which DynamoDB Streams
 * never does for one item: the aggregator reads each partition's result from the table, so it must
 * tolerate even that.
 */
final class FaultyChangeFeed implements ChangePoller {

    private final ChangePoller delegate;
    private final FaultInjection injection;
    private List<DynamodbStreamRecord> repeat;

    FaultyChangeFeed(ChangePoller delegate, FaultInjection injection) {
        this.delegate = delegate;
        this.injection = injection;
    }

    /** Polls the table's feed. Only the stream event source's one thread calls it. */
    @Override
    public List<DynamodbStreamRecord> poll(int maxRecords, Duration maxWait)
            throws InterruptedException {
        if (repeat != null) {
            List<DynamodbStreamRecord> again = repeat;
            repeat = null;
            return again;
        }
        List<DynamodbStreamRecord> batch = new ArrayList<>(delegate.poll(maxRecords, maxWait));
        if (batch.isEmpty()) {
            return batch;
        }
        FaultPlan plan = injection.plan();
        if (batch.size() > 1 && plan.draw(FaultKind.STREAM_REORDER)) {
            injection.counters().add(FaultKind.STREAM_REORDER);
            plan.shuffle(batch);
        }
        if (plan.draw(FaultKind.STREAM_REDELIVERY)) {
            injection.counters().add(FaultKind.STREAM_REDELIVERY);
            repeat = List.copyOf(batch);
        }
        return batch;
    }
}
