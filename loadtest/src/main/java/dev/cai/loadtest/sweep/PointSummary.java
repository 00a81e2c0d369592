package dev.cai.loadtest.sweep;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one sweep point, aggregated: a row of {@code means.csv}.
 *
 * @param point the parameters
 * @param runs runs attempted
 * @param completeRuns runs whose job was COMPLETE, the only ones in the statistics
 * @param stats statistics of every metric over the complete runs
 */
public record PointSummary(SweepPoint point, int runs, int completeRuns, Map<Metric, Stats> stats) {

    public PointSummary {
        stats = Map.copyOf(stats);
    }

    /** Aggregates the rows of one point. */
    public static PointSummary of(SweepPoint point, List<RunRow> rows) {
        List<RunRow> complete = rows.stream().filter(RunRow::complete).toList();
        Map<Metric, Stats> stats = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            stats.put(metric, Stats.of(complete.stream().map(metric::of).toList()));
        }
        return new PointSummary(point, rows.size(), complete.size(), stats);
    }

    public Stats stats(Metric metric) {
        return stats.get(metric);
    }
}
