package dev.cai.port;

import dev.cai.plan.PartitionDescriptor;
import java.util.List;

/** The queue of partition descriptors that the inference workers consume. */
public interface PartitionQueue {

    /**
     * Sends descriptors in batches of at most 10 messages, retrying entries a batch call reports as
     * failed.
     *
     * @throws QueueException when an entry still fails after retries
     */
    void send(List<PartitionDescriptor> descriptors);

    /** A send that did not succeed; the splitter fails its invocation so the event is retried. */
    class QueueException extends RuntimeException {
        public QueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
