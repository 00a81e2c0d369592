package dev.cai.loadtest.cli;

import dev.cai.cost.PriceTable;
import dev.cai.loadtest.plan.LambdaLimits;
import dev.cai.loadtest.plan.PlanEstimate;
import dev.cai.loadtest.plan.PlanInput;
import dev.cai.loadtest.plan.Planner;
import dev.cai.loadtest.plan.Rates;
import dev.cai.loadtest.plan.RatesReader;
import dev.cai.plan.ByteSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints an estimate of makespan and cost on AWS, and a recommended configuration. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Estimates how long a job takes on AWS Lambda and what it costs, from "
                    + "measured per-partition rates and how Lambda scales an SQS event source, and "
                    + "recommends a partition size and memory size. Every number is an estimate."
        })
public final class PlanCommand implements Callable<Integer> {

    @Option(
            names = "--data",
            required = true,
            converter = ByteSizeConverter.class,
            description = "Dataset size, like 12.6GB (10^9 bytes) or 12.6GiB (2^30 bytes).")
    long dataBytes;

    @Option(
            names = "--partition-size",
            defaultValue = "25MB",
            converter = ByteSizeConverter.class,
            description = "Partition size (default: ${DEFAULT-VALUE}).")
    long partitionBytes;

    @Option(
            names = "--memory-mb",
            defaultValue = "3008",
            description = "Worker memory in MB, 128 to 10240 (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Option(
            names = "--rates",
            paramLabel = "FILE",
            description =
                    "A job's summary.json or a loadtest runs.csv to take rates from "
                            + "(default: built-in rates, labelled as such).")
    Path ratesFile;

    @Option(
            names = "--max-concurrency",
            defaultValue = "0",
            description =
                    "The SQS event source's MaximumConcurrency, 2 to 1000; 0 for none "
                            + "(default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Option(
            names = "--account-concurrency",
            defaultValue = "" + LambdaLimits.DEFAULT_ACCOUNT_CONCURRENCY,
            description =
                    "Concurrent executions available in the account "
                            + "(default: ${DEFAULT-VALUE}).")
    int accountConcurrency;

    @Option(
            names = "--architecture",
            defaultValue = "x86_64",
            description = "x86_64 or arm64 (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(
            names = "--prices",
            paramLabel = "FILE|JSON",
            description = "Price table as a file path or JSON text (default: built-in us-east-1).")
    String prices;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlanInput input;
        try {
            input =
                    new PlanInput(
                            dataBytes,
                            partitionBytes,
                            memoryMb,
                            maxConcurrency,
                            accountConcurrency,
                            architecture);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Rates rates = ratesFile == null ? Rates.builtIn() : RatesReader.read(ratesFile);
        Planner planner = new Planner(rates, PriceTable.load(prices));
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(planner, input));
        out.flush();
        return 0;
    }

    /** Formats the estimate of {@code input}, the grid's best rows and the recommendation. */
    static String report(Planner planner, PlanInput input) {
        Rates rates = planner.rates();
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        Locale.ROOT,
                        "Rates: %.3f s per partition + %.4f s per MiB at %d MB, cold start"
                                + " %.1f s (%s)%n",
                        rates.secondsPerPartition(),
                        rates.secondsPerMib(),
                        rates.memoryMb(),
                        rates.coldStartSeconds(),
                        rates.source()));
        text.append(
                String.format(
                        Locale.ROOT,
                        "Scaling: %d concurrent workers at first, %d more per minute, at most %d"
                                + " (SQS event source, MaximumConcurrency and account limit); CPU"
                                + " scales with memory, %d MB = 1 vCPU%n%n",
                        LambdaLimits.SQS_INITIAL_CONCURRENCY,
                        LambdaLimits.SQS_SCALE_UP_PER_MINUTE,
                        input.concurrencyCap(),
                        LambdaLimits.MB_PER_VCPU));

        PlanEstimate estimate = planner.estimate(input);
        text.append("Estimate for the requested configuration:\n");
        text.append(header()).append(row(estimate));
        if (!estimate.withinTimeout()) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            "A partition takes longer than Lambda's %d s timeout at this memory"
                                    + " size: use smaller partitions or more memory.%n",
                            LambdaLimits.MAX_TIMEOUT_SECONDS));
        }

        List<PlanEstimate> grid = planner.grid(input);
        text.append(
                String.format(
                        Locale.ROOT,
                        "%nEstimates over partition sizes %s MB and "
                                + "memory sizes %s MB, fastest first:%n",
                        Planner.PARTITION_GRID_MB,
                        Planner.MEMORY_GRID_MB));
        text.append(header());
        grid.stream()
                .filter(PlanEstimate::withinTimeout)
                .limit(8)
                .forEach(row -> text.append(row(row)));
        PlanEstimate best = Planner.recommend(grid);
        text.append(
                String.format(
                        Locale.ROOT,
                        "%nRecommended (estimate): %s partitions with %d MB of memory, about %.0f s"
                                + " and $%.4f. It is the cheapest configuration whose estimated"
                                + " makespan is within %.0f%% of the fastest (%.0f s).%n",
                        ByteSize.format(best.input().partitionBytes()),
                        best.input().memoryMb(),
                        best.makespanSeconds(),
                        best.cost().totalUsd(),
                        (Planner.MAKESPAN_SLACK - 1) * 100,
                        grid.stream()
                                .filter(PlanEstimate::withinTimeout)
                                .mapToDouble(PlanEstimate::makespanSeconds)
                                .min()
                                .orElse(0)));
        text.append(header()).append(row(best));
        return text.toString();
    }

    private static String header() {
        return String.format(
                Locale.ROOT,
                "%-10s %9s %11s %13s %9s %11s %12s %10s%n",
                "partition",
                "memory_MB",
                "partitions",
                "partition_s",
                "peak_conc",
                "cold_starts",
                "makespan_s",
                "cost_usd");
    }

    private static String row(PlanEstimate estimate) {
        return String.format(
                Locale.ROOT,
                "%-10s %9d %11d %13.1f %9d %11d %12.1f %10.4f%n",
                ByteSize.format(estimate.input().partitionBytes()),
                estimate.input().memoryMb(),
                estimate.partitions(),
                estimate.partitionSeconds(),
                estimate.peakConcurrency(),
                estimate.coldStarts(),
                estimate.makespanSeconds(),
                estimate.cost().totalUsd());
    }
}
