package dev.cai.local.fault;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectStore;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fault injection of one local pipeline: the current {@link FaultPlan}, the counters of the
 * faults it injected, the ledger of worker runs, and the decorators the pipeline wraps its
 * components in.
 *
 * <p>A pipeline started without injection gets {@link #disabled()}, whose methods return the
 * components unchanged, so the pipeline behaves exactly as it does without this package.
 */
public final class FaultInjection {

    private final boolean enabled;
    private volatile FaultPlan plan;
    private volatile FaultCounters counters = new FaultCounters();
    private final WorkerLedger ledger = new WorkerLedger();

    private FaultInjection(boolean enabled, FaultPlan plan) {
        this.enabled = enabled;
        this.plan = plan;
    }

    /** Returns injection that decorates nothing and injects nothing. */
    public static FaultInjection disabled() {
        return new FaultInjection(false, FaultPlan.none());
    }

    /** Returns injection that decorates the pipeline's components and follows {@code plan}. */
    public static FaultInjection following(FaultPlan plan) {
        return new FaultInjection(true, plan);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public FaultPlan plan() {
        return plan;
    }

    public FaultCounters counters() {
        return counters;
    }

    public WorkerLedger ledger() {
        return ledger;
    }

    /**
     * Replaces the plan for the events that follow and starts new counters, so that one pipeline
     * can run several scenarios one after another.
     *
     * @throws IllegalStateException when the pipeline was started without fault injection
     */
    public void use(FaultPlan next) {
        if (!enabled) {
            throw new IllegalStateException(
                    "cannot use "
                            + next
                            + ": the pipeline was started "
                            + "without fault injection; start it with a FaultPlan");
        }
        this.plan = next;
        this.counters = new FaultCounters();
    }

    /** Decorates one worker container's store, table and handler. */
    public WorkerContainer workerContainer(
            ObjectStore store, JobTable table, SqsClient sqs, String queueUrl) {
        if (!enabled) {
            return new WorkerContainer(store, table, handler -> handler);
        }
        WorkerFaults faults = new WorkerFaults(this);
        return new WorkerContainer(
                new FaultyObjectStore(store, faults),
                new ThrottlingJobTable(table, faults),
                handler -> new FaultyWorkerHandler(handler, faults, this, sqs, queueUrl));
    }

    /** Decorates the SQS client of the splitter and of the worker event source. */
    public SqsClient sqs(SqsClient sqs) {
        return enabled ? new ThrottlingSqsClient(sqs, this) : sqs;
    }

    /** Decorates the job table the splitter writes new jobs to. */
    public JobTable splitterTable(JobTable table) {
        return enabled ? new DeadlineOverrideTable(table, this) : table;
    }

    /** Decorates the job table the aggregator counts partitions in. */
    public JobTable aggregatorTable(JobTable table) {
        return enabled ? new CrashingAggregatorTable(table, this) : table;
    }

    /** Decorates the change feed the stream event source polls. */
    public ChangePoller changeFeed(ChangePoller feed) {
        return enabled ? new FaultyChangeFeed(feed, this) : feed;
    }

    /** Decides whether an S3 event reaches the splitter a second time, and counts it. */
    public boolean redeliverS3Event() {
        if (!enabled || !plan.draw(FaultKind.S3_EVENT_REDELIVERY)) {
            return false;
        }
        counters.add(FaultKind.S3_EVENT_REDELIVERY);
        return true;
    }

    /**
     * The decorated parts of one worker container.
     *
     * @param store the store to build the partition processor with
     * @param table the table to build the partition processor with
     * @param handlerDecorator wraps the container's handler
     */
    public record WorkerContainer(
            ObjectStore store,
            JobTable table,
            UnaryOperator<RequestHandler<SQSEvent, SQSBatchResponse>> handlerDecorator) {

        public RequestHandler<SQSEvent, SQSBatchResponse> wrap(
                RequestHandler<SQSEvent, SQSBatchResponse> handler) {
            return handlerDecorator.apply(handler);
        }
    }
}
