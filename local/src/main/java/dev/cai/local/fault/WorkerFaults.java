package dev.cai.local.fault;

import dev.cai.plan.PartitionDescriptor;
import java.time.Duration;

/**
 * The faults chosen for the partition message one worker container is handling now. The container's
 * handler decorator sets them before each message, and the container's store and table decorators
 * act on them. One container handles one message at a time, but its prefetch threads read these
 * fields too, hence volatile.
 */
final class WorkerFaults {

    private final FaultInjection injection;
    private volatile PartitionDescriptor descriptor;
    private volatile CrashPoint crashPoint;
    private volatile boolean truncate;
    private volatile boolean slow;

    WorkerFaults(FaultInjection injection) {
        this.injection = injection;
    }

    /** Chooses the faults for one message on its {@code attempt}-th receive. */
    void begin(PartitionDescriptor message, int attempt) {
        FaultPlan plan = injection.plan();
        int partition = message.partitionId();
        descriptor = message;
        crashPoint =
                plan.decide(FaultKind.WORKER_CRASH, partition, attempt)
                        ? plan.chooseCrashPoint()
                        : null;
        truncate = plan.decide(FaultKind.CORRUPT_RANGE, partition, attempt);
        slow = plan.decide(FaultKind.SLOW_WORKER, partition, attempt);
    }

    /** Clears the faults, so a redelivery of the same message runs without them. */
    void end() {
        descriptor = null;
        crashPoint = null;
        truncate = false;
        slow = false;
    }

    /** Throws an {@link InjectedCrash} when this message was chosen to crash at {@code point}. */
    void crashIfChosen(CrashPoint point) {
        PartitionDescriptor current = descriptor;
        if (current == null || crashPoint != point) {
            return;
        }
        crashPoint = null;
        injection.counters().add(FaultKind.WORKER_CRASH);
        throw new InjectedCrash(
                "injected worker crash "
                        + point
                        + " on partition "
                        + current.partitionId()
                        + " of job "
                        + current.jobId());
    }

    /** Returns whether the next range opened should end early, and consumes that choice. */
    boolean takeTruncation() {
        if (!truncate) {
            return false;
        }
        truncate = false;
        injection.counters().add(FaultKind.CORRUPT_RANGE);
        return true;
    }

    /** Stalls the worker before it writes {@code key} when this message was chosen to be slow. */
    void stallIfChosen(String key) throws InterruptedException {
        PartitionDescriptor current = descriptor;
        if (!slow || current == null || !current.predictionsKey().equals(key)) {
            return;
        }
        slow = false;
        injection.counters().add(FaultKind.SLOW_WORKER);
        Duration delay = injection.plan().slowWorkerDelay();
        Thread.sleep(delay.toMillis());
    }

    /** Stalls an attempt write when the plan chose this partition attempt for a late write. */
    void stallAttemptWriteIfChosen(int partitionId, int attempt) {
        if (!injection.plan().decide(FaultKind.SLOW_ATTEMPT_WRITE, partitionId, attempt)) {
            return;
        }
        injection.counters().add(FaultKind.SLOW_ATTEMPT_WRITE);
        try {
            Thread.sleep(injection.plan().slowWorkerDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isPredictionsKey(String key) {
        PartitionDescriptor current = descriptor;
        return current != null && current.predictionsKey().equals(key);
    }

    /** Throws when a throttling fault hits this call; {@code call} names it in the message. */
    void throttle(String call) {
        if (injection.plan().draw(FaultKind.THROTTLING)) {
            injection.counters().add(FaultKind.THROTTLING);
            throw new InjectedThrottlingException("injected throttling of " + call);
        }
    }
}
