package dev.cai.loadtest.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The outputs of one sweep.
 *
 * @param rows one per run, in run order
 * @param points one per sweep point, in plan order
 * @param skippedRuns runs not started because the time limit had passed
 * @param files every file written: CSVs, column notes, plots and the report
 */
public record SweepResult(
        List<RunRow> rows, List<PointSummary> points, int skippedRuns, List<Path> files) {

    public SweepResult {
        rows = List.copyOf(rows);
        points = List.copyOf(points);
        files = List.copyOf(files);
    }
}
