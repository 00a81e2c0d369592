package dev.cai.loadtest.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SweepPlan}: every point {@code runsPerPoint} times, then writes {@code runs.csv},
 * {@code means.csv}, {@code runs.columns.md}, the plots and {@code report.md} into one folder.
 *
 * <p>Runs go round by round (every point once, then every point again), so a sweep cut short by its
 * time limit still covers every point. A run whose runner throws is logged and recorded as ERROR;
 * the sweep goes on.
 */
public final class Sweeps {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeps.class);

    private final JobRunner runner;
    private final DatasetFactory datasets;
    private final Clock clock;

    public Sweeps(JobRunner runner, DatasetFactory datasets, Clock clock) {
        this.runner = runner;
        this.datasets = datasets;
        this.clock = clock;
    }

    /** Runs the plan and writes its outputs into {@code outDir}, creating it if needed. */
    public SweepResult run(SweepPlan plan, Path outDir, String commandLine, Target target)
            throws IOException {
        Files.createDirectories(outDir);
        Instant started = clock.instant();
        Instant deadline = started.plus(plan.timeLimit());
        Map<SweepPoint, List<RunRow>> byPoint = new LinkedHashMap<>();
        plan.points().forEach(point -> byPoint.put(point, new ArrayList<>()));
        List<RunRow> rows = new ArrayList<>();
        Map<Long, Path> datasetCache = new HashMap<>();
        int skipped = 0;

        for (int run = 1; run <= plan.runsPerPoint(); run++) {
            for (SweepPoint point : plan.points()) {
                if (!clock.instant().isBefore(deadline)) {
                    skipped++;
                    continue;
                }
                RunRow row = runOnce(point, run, datasetCache);
                rows.add(row);
                byPoint.get(point).add(row);
            }
        }
        if (skipped > 0) {
            LOG.warn(
                    "sweep {} skipped {} runs after its time limit of {}",
                    plan.kind().commandName(),
                    skipped,
                    plan.timeLimit());
        }
        return writeOutputs(plan, outDir, commandLine, target, started, byPoint, rows, skipped);
    }

    private RunRow runOnce(SweepPoint point, int run, Map<Long, Path> datasetCache) {
        try {
            Path dataset = datasetCache.get(point.dataBytes());
            if (dataset == null) {
                dataset = datasets.datasetOfBytes(point.dataBytes());
                datasetCache.put(point.dataBytes(), dataset);
            }
            RunRow row =
                    RunRow.of(
                            point,
                            run,
                            runner.run(dataset, point.partitionBytes(), point.batchSize()));
            LOG.info(
                    "run {} of {}: job {} {} in {} s",
                    run,
                    point,
                    row.jobId(),
                    row.status(),
                    row.jobWallSeconds());
            return row;
        } catch (Exception e) {
            LOG.error("run {} of {} failed", run, point, e);
            return RunRow.error(point, run, e);
        }
    }

    private SweepResult writeOutputs(
            SweepPlan plan,
            Path outDir,
            String commandLine,
            Target target,
            Instant started,
            Map<SweepPoint, List<RunRow>> byPoint,
            List<RunRow> rows,
            int skipped)
            throws IOException {
        List<PointSummary> points = new ArrayList<>();
        byPoint.forEach((point, pointRows) -> points.add(PointSummary.of(point, pointRows)));

        Path runsCsv = outDir.resolve("runs.csv");
        Path meansCsv = outDir.resolve("means.csv");
        Path columns = outDir.resolve("runs.columns.md");
        SweepCsv.writeRuns(runsCsv, plan.kind(), rows);
        SweepCsv.writeMeans(meansCsv, plan.kind(), points);
        SweepCsv.writeColumnsDoc(columns);
        List<Path> plots = SweepPlots.write(plan.kind(), points, outDir);

        List<Path> files = new ArrayList<>(List.of(runsCsv, meansCsv, columns));
        files.addAll(plots);
        Path report = outDir.resolve("report.md");
        files.add(report);
        SweepResult result = new SweepResult(rows, points, skipped, files);
        SweepReport.write(
                report,
                plan,
                new SweepReport.Context(commandLine, target, started, clock.instant()),
                result,
                plots);
        return result;
    }
}
