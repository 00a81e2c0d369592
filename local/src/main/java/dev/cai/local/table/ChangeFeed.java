package dev.cai.local.table;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The in-process table's change records, in write order, for one consumer: the local runtime's
 * stream event source, as DynamoDB Streams feeds one Lambda event source mapping. A polled record
 * is handed out once.
 *
 * <p>NOTE: records wait here until polled and nothing trims them, unlike a stream's 24-hour
 * retention; a runtime that never polls keeps every record in memory.
 */
public final class ChangeFeed {

    private final Deque<DynamodbStreamRecord> records = new ArrayDeque<>();

    synchronized void append(DynamodbStreamRecord record) {
        records.addLast(record);
        notifyAll();
    }

    /**
     * Takes up to {@code maxRecords} records, waiting up to {@code maxWait} for the first one.
     *
     * @return the records in write order, or an empty list when none arrived in time
     */
    public synchronized List<DynamodbStreamRecord> poll(int maxRecords, Duration maxWait)
            throws InterruptedException {
        if (maxRecords < 1) {
            throw new IllegalArgumentException(
                    "invalid maxRecords " + maxRecords + ": expected at least 1");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (records.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return List.of();
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        List<DynamodbStreamRecord> batch = new ArrayList<>(Math.min(maxRecords, records.size()));
        while (batch.size() < maxRecords && !records.isEmpty()) {
            batch.add(records.removeFirst());
        }
        return batch;
    }

    /** Returns how many records wait to be polled. */
    public synchronized int pending() {
        return records.size();
    }
}
