package dev.cai.local.fault;

import dev.cai.port.JobTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregator's job table, which crashes the aggregator right after a partition was counted,
 * before the job could be finished. The attempt a {@link FaultTarget} names is the number of times
 * the aggregator has counted that partition of that job, from 1.
 */
final class CrashingAggregatorTable extends ForwardingJobTable {

    private final FaultInjection injection;
    private final Map<String, Integer> countCalls = new ConcurrentHashMap<>();

    CrashingAggregatorTable(JobTable delegate, FaultInjection injection) {
        super(delegate);
        this.injection = injection;
    }

    @Override
    public int markCounted(String jobId, int partitionId) {
        int counted = super.markCounted(jobId, partitionId);
        int call = countCalls.merge(jobId + "#" + partitionId, 1, Integer::sum);
        if (injection.plan().decide(FaultKind.AGGREGATOR_CRASH, partitionId, call)) {
            injection.counters().add(FaultKind.AGGREGATOR_CRASH);
            throw new InjectedCrash(
                    "injected aggregator crash after counting partition "
                            + partitionId
                            + " of job "
                            + jobId
                            + " (count "
                            + counted
                            + ")");
        }
        return counted;
    }
}
