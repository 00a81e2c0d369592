package dev.cai.loadtest.cli;

import dev.cai.loadtest.Units;
import dev.cai.loadtest.sweep.DatasetFactory;
import dev.cai.loadtest.sweep.JobRunner;
import dev.cai.loadtest.sweep.JobRunnerFactory;
import dev.cai.loadtest.sweep.SweepPlan;
import dev.cai.loadtest.sweep.SweepResult;
import dev.cai.loadtest.sweep.Sweeps;
import dev.cai.loadtest.sweep.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the sweeps. The jobs run through a {@link JobRunner} from the factory given to the
 * constructor, on datasets from the {@link DatasetFactory}, so the caller decides how a job runs
 * locally or on AWS.
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a sweep of jobs and writes runs.csv, means.csv, PNG plots and " + "report.md."
        })
public final class LoadtestCommand {

    static final List<Long> DEFAULT_SIZES =
            List.of(50 * Units.MB, 100 * Units.MB, 200 * Units.MB, 400 * Units.MB);
    static final List<Long> DEFAULT_PARTITION_SIZES =
            List.of(5 * Units.MB, 10 * Units.MB, 25 * Units.MB);
    static final List<Integer> DEFAULT_BATCH_SIZES = List.of(32, 64, 128, 256, 512);
    static final List<Long> DEFAULT_BATCH_SWEEP_SIZES = List.of(50 * Units.MB, 200 * Units.MB);
    static final long DEFAULT_BATCH_SWEEP_PARTITION = 10 * Units.MB;
    static final long DEFAULT_PARTITION_SWEEP_SIZE = 200 * Units.MB;

    private final JobRunnerFactory runners;
    private final DatasetFactory datasets;
    private final Clock clock;

    @Spec CommandSpec spec;

    public LoadtestCommand(JobRunnerFactory runners, DatasetFactory datasets) {
        this(runners, datasets, Clock.systemUTC());
    }

    public LoadtestCommand(JobRunnerFactory runners, DatasetFactory datasets, Clock clock) {
        this.runners = runners;
        this.datasets = datasets;
        this.clock = clock;
    }

    @Command(
            name = "data-size",
            mixinStandardHelpOptions = true,
            description = {
                "Every data size times every partition size, at one batch size "
                        + "(defaults: 50MB,100MB,200MB,400MB x 5MB,10MB,25MB, batch 512)."
            })
    int dataSize(
            @Mixin SweepOptions options,
            @Option(
                            names = "--batch-size",
                            defaultValue = "512",
                            paramLabel = "N",
                            description = "Batch size (default: ${DEFAULT-VALUE}).")
                    int batchSize)
            throws Exception {
        rejectUnused(options.batchSizes, "--batch-sizes", "data-size", "--batch-size");
        SweepPlan plan =
                SweepPlan.dataSize(
                        or(options.sizes, DEFAULT_SIZES),
                        or(options.partitionSizes, DEFAULT_PARTITION_SIZES),
                        batchSize,
                        options.runs,
                        Duration.ofMinutes(options.maxMinutes));
        return run(plan, options);
    }

    @Command(
            name = "batch-size",
            mixinStandardHelpOptions = true,
            description = {
                "Every batch size at several data sizes, with one partition size "
                        + "(defaults: 32..512 at 50MB,200MB, partition 10MB)."
            })
    int batchSize(
            @Mixin SweepOptions options,
            @Option(
                            names = "--partition-size",
                            defaultValue = "10MB",
                            paramLabel = "SIZE",
                            converter = ByteSizeConverter.class,
                            description = "Partition size (default: ${DEFAULT-VALUE}).")
                    long partitionBytes)
            throws Exception {
        rejectUnused(options.partitionSizes, "--partition-sizes", "batch-size", "--partition-size");
        SweepPlan plan =
                SweepPlan.batchSize(
                        or(options.batchSizes, DEFAULT_BATCH_SIZES),
                        or(options.sizes, DEFAULT_BATCH_SWEEP_SIZES),
                        partitionBytes,
                        options.runs,
                        Duration.ofMinutes(options.maxMinutes));
        return run(plan, options);
    }

    @Command(
            name = "partition-size",
            mixinStandardHelpOptions = true,
            description = {
                "Every partition size at one data size and batch size (defaults: "
                        + "5MB,10MB,25MB at 200MB, batch 512)."
            })
    int partitionSize(
            @Mixin SweepOptions options,
            @Option(
                            names = "--batch-size",
                            defaultValue = "512",
                            paramLabel = "N",
                            description = "Batch size (default: ${DEFAULT-VALUE}).")
                    int batchSize)
            throws Exception {
        rejectUnused(options.batchSizes, "--batch-sizes", "partition-size", "--batch-size");
        List<Long> sizes = or(options.sizes, List.of(DEFAULT_PARTITION_SWEEP_SIZE));
        if (sizes.size() != 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--sizes has "
                            + sizes.size()
                            + " values: the partition-size sweep takes exactly one data size");
        }
        SweepPlan plan =
                SweepPlan.partitionSize(
                        or(options.partitionSizes, DEFAULT_PARTITION_SIZES),
                        sizes.get(0),
                        batchSize,
                        options.runs,
                        Duration.ofMinutes(options.maxMinutes));
        return run(plan, options);
    }

    /** Rejects a list option that this sweep does not vary, naming the one it takes. */
    private void rejectUnused(List<?> values, String option, String sweep, String instead) {
        if (values != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    option
                            + " does not apply to the "
                            + sweep
                            + " sweep: it takes one value,"
                            + " with "
                            + instead);
        }
    }

    private int run(SweepPlan plan, SweepOptions options) throws Exception {
        if (options.target == Target.AWS && (options.stack == null || options.stack.isBlank())) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--target aws needs --stack NAME: the name of the deployed stack");
        }
        JobRunner runner = runners.create(options.target, options.stack);
        Path out =
                options.out != null
                        ? options.out
                        : Path.of("loadtest-results", plan.kind().commandName());
        // originalArgs contains the whole command line after the root command's name.
        String commandLine =
                spec.root().name()
                        + " "
                        + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        SweepResult result =
                new Sweeps(runner, datasets, clock)
                        .run(plan, out, commandLine.strip(), options.target);
        spec.commandLine()
                .getOut()
                .printf(
                        "%d runs (%d skipped by the time limit), report: %s%n",
                        result.rows().size(), result.skippedRuns(), out.resolve("report.md"));
        spec.commandLine().getOut().flush();
        return result.rows().stream().anyMatch(row -> "ERROR".equals(row.status())) ? 1 : 0;
    }

    private static <T> List<T> or(List<T> values, List<T> defaults) {
        return values == null || values.isEmpty() ? defaults : values;
    }
}
