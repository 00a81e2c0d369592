package dev.cai.local.fault;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** How many faults of each kind were injected; safe to update from any thread. */
public final class FaultCounters {

    private final AtomicLongArray counts = new AtomicLongArray(FaultKind.values().length);

    void add(FaultKind kind) {
        counts.incrementAndGet(kind.ordinal());
    }

    public long count(FaultKind kind) {
        return counts.get(kind.ordinal());
    }

    public long total() {
        long total = 0;
        for (FaultKind kind : FaultKind.values()) {
            total += count(kind);
        }
        return total;
    }

    /** Returns a copy of the counts, every kind included. */
    public Map<FaultKind, Long> snapshot() {
        Map<FaultKind, Long> copy = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            copy.put(kind, count(kind));
        }
        return copy;
    }
}
