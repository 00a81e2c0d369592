package dev.cai.local.fault;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Duration;
import java.util.List;

/** A source of the job table's change records, polled by the stream event source. */
@FunctionalInterface
public interface ChangePoller {

    /** Takes up to {@code maxRecords} records, waiting up to {@code maxWait} for the first. */
    List<DynamodbStreamRecord> poll(int maxRecords, Duration maxWait) throws InterruptedException;
}
