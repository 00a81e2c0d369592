package dev.cai.loadtest.cli;

import dev.cai.loadtest.sweep.Target;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options shared by the sweep subcommands. Defaults fit a 2-core machine running the local runtime;
 * pass the published sizes (for example {@code --sizes 12.6GB --partition-sizes
 * 25MB,50MB,75MB,100MB}) against AWS.
 */
public final class SweepOptions {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Folder for runs.csv, means.csv, plots and report.md "
                            + "(default: loadtest-results/<sweep>).")
    Path out;

    @Option(
            names = "--runs",
            defaultValue = "3",
            paramLabel = "N",
            description = "Runs per point (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--sizes",
            split = ",",
            converter = ByteSizeConverter.class,
            paramLabel = "SIZE",
            description = "Data sizes, like 50MB,100MB (MB = 10^6, MiB = 2^20 bytes).")
    List<Long> sizes;

    @Option(
            names = "--partition-sizes",
            split = ",",
            converter = ByteSizeConverter.class,
            paramLabel = "SIZE",
            description = "Partition sizes, like 5MB,10MB,25MB.")
    List<Long> partitionSizes;

    @Option(
            names = "--batch-sizes",
            split = ",",
            paramLabel = "N",
            description = "Batch sizes in samples, like 32,64,128,256,512.")
    List<Integer> batchSizes;

    @Option(
            names = "--target",
            defaultValue = "local",
            converter = TargetConverter.class,
            description = "Where jobs run: local or aws (default: ${DEFAULT-VALUE}).")
    Target target;

    @Option(
            names = "--stack",
            paramLabel = "NAME",
            description = "Name of the deployed stack; required with --target aws.")
    String stack;

    @Option(
            names = "--max-minutes",
            defaultValue = "120",
            paramLabel = "MINUTES",
            description = "Skip the runs left after this many minutes (default: ${DEFAULT-VALUE}).")
    long maxMinutes;
}
