package dev.cai.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the job table's change records to the aggregator the way Lambda's DynamoDB Streams
 * mapping does: in order, in batches, and on a reported failure again from the failed record on.
 * After {@code maxRetries} failed deliveries of the same batch the batch is dropped and logged, as
 * an on-failure destination would receive it.
 */
final class StreamEventSource implements AutoCloseable {

    /** The source of change records. */
    interface RecordSource {
        List<DynamodbStreamRecord> poll(int maxRecords, Duration maxWait)
                throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamEventSource.class);

    private final RecordSource source;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final LocalFunction function;
    private final int batchSize;
    private final int maxRetries;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final List<DynamodbStreamRecord> droppedRecords = new ArrayList<>();

    StreamEventSource(
            RecordSource source,
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
            LocalFunction function,
            int batchSize,
            int maxRetries) {
        this.source = source;
        this.handler = handler;
        this.function = function;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
        this.thread = new Thread(this::run, function.name() + "-stream");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Returns the records given up on after every retry, for reports and tests. */
    synchronized List<DynamodbStreamRecord> droppedRecords() {
        return List.copyOf(droppedRecords);
    }

    private void run() {
        while (running.get()) {
            try {
                List<DynamodbStreamRecord> batch = source.poll(batchSize, Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("{}: reading the change feed failed", function.name(), e);
            }
        }
    }

    private void deliver(List<DynamodbStreamRecord> batch) throws InterruptedException {
        List<DynamodbStreamRecord> pending = batch;
        for (int attempt = 0; attempt <= maxRetries && !pending.isEmpty(); attempt++) {
            int failedAt = invoke(pending);
            if (failedAt < 0) {
                return;
            }
            pending = pending.subList(failedAt, pending.size());
            Thread.sleep(Math.min(2000, 200L << attempt));
        }
        if (!pending.isEmpty()) {
            LOG.error(
                    "{}: dropping {} change records after {} retries, starting at {}",
                    function.name(),
                    pending.size(),
                    maxRetries,
                    pending.get(0).getEventID());
            synchronized (this) {
                droppedRecords.addAll(pending);
            }
        }
    }

    /** Returns the index of the first failed record, or -1 when the whole batch succeeded. */
    private int invoke(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        try {
            StreamsEventResponse response = handler.handleRequest(event, function.newContext());
            if (response == null
                    || response.getBatchItemFailures() == null
                    || response.getBatchItemFailures().isEmpty()) {
                return -1;
            }
            String sequence = response.getBatchItemFailures().get(0).getItemIdentifier();
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).getDynamodb().getSequenceNumber().equals(sequence)) {
                    return i;
                }
            }
            return 0;
        } catch (RuntimeException | Error e) {
            LOG.error(
                    "{} failed on a batch of {} change records",
                    function.name(),
                    records.size(),
                    e);
            return 0;
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
