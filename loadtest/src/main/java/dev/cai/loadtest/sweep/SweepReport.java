package dev.cai.loadtest.sweep;

import dev.cai.loadtest.Units;
import dev.cai.plan.ByteSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes {@code report.md}: how the sweep was run, on what machine, the means and the plots. */
public final class SweepReport {

    /**
     * The sweep's invocation: command line, target and times.
     *
     * @param commandLine the command as typed
     * @param target where the jobs ran
     * @param startedAt when the sweep started
     * @param endedAt when it ended
     */
    public record Context(String commandLine, Target target, Instant startedAt, Instant endedAt) {}

    private SweepReport() {}

    public static void write(
            Path file, SweepPlan plan, Context context, SweepResult result, List<Path> plots)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(plan.kind().commandName()).append(" sweep\n\n");
        md.append("- Command: `").append(context.commandLine()).append("`\n");
        md.append("- Target: ")
                .append(context.target().name().toLowerCase(Locale.ROOT))
                .append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Started: ")
                .append(context.startedAt())
                .append(", ended: ")
                .append(context.endedAt())
                .append('\n');
        md.append("- Runs per point: ")
                .append(plan.runsPerPoint())
                .append(", runs skipped by ")
                .append("the time limit of ")
                .append(plan.timeLimit().toMinutes())
                .append(" min: ")
                .append(result.skippedRuns())
                .append("\n\n");
        md.append("Costs are estimates at AWS list prices from the runs' billed durations, ")
                .append("whatever the target. Local wall times come from the machine above, ")
                .append("not from AWS.\n\n");
        md.append("Every run is in `runs.csv`, the statistics in `means.csv`, and ")
                .append("`runs.columns.md` describes the columns.\n\n");
        appendMeans(md, result.points());
        md.append("\n## Plots\n\nMarkers are means over complete runs, bars one sample ")
                .append("standard deviation.\n\n");
        for (Path plot : plots) {
            String name = plot.getFileName().toString();
            md.append("![").append(name).append("](").append(name).append(")\n\n");
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private static void appendMeans(StringBuilder md, List<PointSummary> points) {
        md.append("## Means\n\n");
        md.append("| data | partition | batch | complete runs | job time (s) | ")
                .append("wall-clock throughput (Mbit/s) | samples/s | cost (USD) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (PointSummary point : points) {
            md.append("| ")
                    .append(ByteSize.format(point.point().dataBytes()))
                    .append(" | ")
                    .append(ByteSize.format(point.point().partitionBytes()))
                    .append(" | ")
                    .append(point.point().batchSize())
                    .append(" | ")
                    .append(point.completeRuns())
                    .append(" of ")
                    .append(point.runs())
                    .append(" | ")
                    .append(meanAndStd(point.stats(Metric.JOB_WALL_S), 1, "%.2f"))
                    .append(" | ")
                    .append(meanAndStd(point.stats(Metric.WALLCLOCK_THROUGHPUT_BPS), 1e-6, "%.2f"))
                    .append(" | ")
                    .append(meanAndStd(point.stats(Metric.SAMPLES_PER_S), 1, "%.1f"))
                    .append(" | ")
                    .append(meanAndStd(point.stats(Metric.COST_USD), 1, "%.6f"))
                    .append(" |\n");
        }
    }

    private static String meanAndStd(Stats stats, double scale, String format) {
        if (stats.count() == 0) {
            return "n/a";
        }
        String mean = String.format(Locale.ROOT, format, stats.mean() * scale);
        if (Double.isNaN(stats.stdDev())) {
            return mean;
        }
        return mean + " ± " + String.format(Locale.ROOT, format, stats.stdDev() * scale);
    }

    /** Describes the machine: OS, architecture, cores, JVM version and maximum heap. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "%s %s (%s), %d cores, Java %s, max heap %d MiB",
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                runtime.maxMemory() / Units.MIB);
    }
}
