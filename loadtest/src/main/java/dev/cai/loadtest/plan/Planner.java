package dev.cai.loadtest.plan;

import dev.cai.cost.CostCalculator;
import dev.cai.cost.LambdaInvocation;
import dev.cai.cost.PriceTable;
import dev.cai.cost.RequestCounts;
import dev.cai.loadtest.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Estimates makespan and cost of a job on AWS by simulating the SQS event source's scaling.
 *
 * <p>The simulation follows {@link LambdaLimits}: 5 concurrent workers at first, 300 more at the
 * start of each further minute while messages wait, never above the concurrency cap. A worker takes
 * {@code partition MiB x seconds per MiB} (scaled to its memory) per partition, plus one cold start
 * the first time an execution environment is created; idle environments are reused warm. Every
 * number is an estimate: real runs add queue polling delays, S3 variance and throttling.
 */
public final class Planner {

    /** Partition sizes the recommendation searches, in MB (10^6 bytes). */
    public static final List<Integer> PARTITION_GRID_MB = List.of(5, 10, 25, 50, 75, 100, 200);

    /** Memory sizes the recommendation searches, in MB: 1, 1.7, 2, 3, 4 and 5.8 vCPU. */
    public static final List<Integer> MEMORY_GRID_MB =
            List.of(1769, 3008, 3538, 5307, 7076, 10_240);

    /** Makespan slack within which the cheapest configuration wins over the fastest. */
    public static final double MAKESPAN_SLACK = 1.10;

    private final Rates rates;
    private final PriceTable prices;

    public Planner(Rates rates, PriceTable prices) {
        this.rates = rates;
        this.prices = prices;
    }

    public Rates rates() {
        return rates;
    }

    /** Estimates one configuration. */
    public PlanEstimate estimate(PlanInput input) {
        int partitions = input.partitions();
        // A partition is never larger than the data, whatever size was asked for.
        long largestPartition = Math.min(input.partitionBytes(), input.dataBytes());
        double fullSeconds =
                rates.partitionSecondsAt(input.memoryMb(), Units.toMib(largestPartition));
        long lastBytes = input.dataBytes() - (long) (partitions - 1) * input.partitionBytes();

        // Event simulation: end times of running workers, environments created so far.
        PriorityQueue<Double> running = new PriorityQueue<>();
        List<LambdaInvocation> invocations = new ArrayList<>(partitions);
        double now = 0;
        double makespan = 0;
        int environments = 0;
        int peak = 0;
        int started = 0;
        while (started < partitions) {
            while (!running.isEmpty() && running.peek() <= now) {
                running.poll();
            }
            int cap = capAt(now, input.concurrencyCap());
            while (running.size() < cap && started < partitions) {
                boolean cold = running.size() >= environments;
                if (cold) {
                    environments++;
                }
                long bytes = started == partitions - 1 ? lastBytes : input.partitionBytes();
                double work = rates.partitionSecondsAt(input.memoryMb(), Units.toMib(bytes));
                double init = cold ? rates.coldStartSeconds() : 0;
                double end = now + init + work;
                running.add(end);
                makespan = Math.max(makespan, end);
                invocations.add(
                        new LambdaInvocation(
                                CostCalculator.WORKER,
                                work * 1000,
                                init * 1000,
                                input.memoryMb(),
                                input.architecture()));
                started++;
            }
            peak = Math.max(peak, running.size());
            now = nextEvent(now, running, cap, input.concurrencyCap());
        }
        RequestCounts requests = RequestCounts.estimate(partitions, partitions, 4, 2);
        return new PlanEstimate(
                input,
                partitions,
                fullSeconds,
                peak,
                environments,
                makespan,
                CostCalculator.costOfInvocations(invocations, requests, prices),
                fullSeconds + rates.coldStartSeconds() <= LambdaLimits.MAX_TIMEOUT_SECONDS);
    }

    /** Estimates every partition size and memory size of the grids and orders them by makespan. */
    public List<PlanEstimate> grid(PlanInput base) {
        List<PlanEstimate> estimates = new ArrayList<>();
        for (int partitionMb : PARTITION_GRID_MB) {
            for (int memoryMb : MEMORY_GRID_MB) {
                estimates.add(estimate(base.with(partitionMb * Units.MB, memoryMb)));
            }
        }
        estimates.sort(Comparator.comparingDouble(PlanEstimate::makespanSeconds));
        return estimates;
    }

    /**
     * Picks the cheapest estimate whose makespan is within {@link #MAKESPAN_SLACK} of the fastest,
     * among those whose partitions finish within the Lambda timeout.
     *
     * @throws IllegalArgumentException when no estimate fits the timeout
     */
    public static PlanEstimate recommend(List<PlanEstimate> estimates) {
        List<PlanEstimate> feasible =
                estimates.stream().filter(PlanEstimate::withinTimeout).toList();
        if (feasible.isEmpty()) {
            throw new IllegalArgumentException(
                    "no configuration finishes a partition within "
                            + LambdaLimits.MAX_TIMEOUT_SECONDS
                            + " s: use smaller partitions");
        }
        double fastest =
                feasible.stream().mapToDouble(PlanEstimate::makespanSeconds).min().orElseThrow();
        return feasible.stream()
                .filter(estimate -> estimate.makespanSeconds() <= fastest * MAKESPAN_SLACK)
                .min(Comparator.comparingDouble(estimate -> estimate.cost().totalUsd()))
                .orElseThrow();
    }

    /** Returns the concurrency the event source allows at {@code seconds} after the start. */
    static int capAt(double seconds, int cap) {
        long minutes = (long) Math.floor(seconds / 60.0);
        long allowed =
                LambdaLimits.SQS_INITIAL_CONCURRENCY
                        + minutes * LambdaLimits.SQS_SCALE_UP_PER_MINUTE;
        return (int) Math.min(cap, allowed);
    }

    /** Moves to the next worker end or, if the cap grows first, the next minute boundary. */
    private static double nextEvent(
            double now, PriorityQueue<Double> running, int cap, int maxCap) {
        double nextEnd = running.isEmpty() ? Double.POSITIVE_INFINITY : running.peek();
        double nextMinute = (Math.floor(now / 60.0) + 1) * 60.0;
        boolean capGrows = cap < maxCap && running.size() >= cap;
        return capGrows ? Math.min(nextEnd, nextMinute) : nextEnd;
    }
}
