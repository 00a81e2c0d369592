package dev.cai.local.fault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker handler runs per job, counted outside the system under test, so tests can compare them
 * with the attempts the job's summary bills. A run is one partition message handled by the worker
 * handler, and a crashed run is one that an {@link InjectedCrash} ended.
 */
public final class WorkerLedger {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> crashes = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();

    /** Counts a run that starts now. A call to {@link #endRun} must follow when it ends. */
    void recordRun(String jobId) {
        runs.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
        active.incrementAndGet();
    }

    void endRun() {
        active.decrementAndGet();
    }

    void recordCrash(String jobId) {
        crashes.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** Returns how many partition messages of the job the worker handler ran on. */
    public int runs(String jobId) {
        AtomicInteger count = runs.get(jobId);
        return count == null ? 0 : count.get();
    }

    /** Returns how many runs of any job are in progress. */
    public int activeRuns() {
        return active.get();
    }

    /** Returns how many of those runs an injected crash ended before they recorded anything. */
    public int crashes(String jobId) {
        AtomicInteger count = crashes.get(jobId);
        return count == null ? 0 : count.get();
    }
}
