package dev.cai.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The cost table published for the Step Functions based predecessor of this pipeline, which
 * processed a 12.6 GB dataset in 25, 50, 75 and 100 MB partitions, and the same runs billed the way
 * AWS bills them.
 *
 * <p>The published table prices each run as {@code requests x duration_s x memory_GB x 0.00001667},
 * where memory_GB is the memory the function used, not its configured memory, and it leaves out the
 * request charge. AWS bills configured memory (the runs were configured with 10,240 MB) times the
 * billed duration, plus a charge per request.
 */
public final class PublishedCostTable {

    /** The published table's own price per GB-second. */
    public static final double PUBLISHED_PRICE_PER_GB_SECOND = 0.00001667;

    /** Configured memory of the published runs, in MB. */
    public static final int CONFIGURED_MEMORY_MB = 10_240;

    /**
     * One published run.
     *
     * @param partitionMb partition size in MB
     * @param requests Lambda invocations, one per partition
     * @param durationSeconds mean duration of an invocation
     * @param memoryGb memory used, as published
     * @param publishedCostUsd the published cost, in dollars rounded to cents
     */
    public record Run(
            int partitionMb,
            int requests,
            double durationSeconds,
            double memoryGb,
            BigDecimal publishedCostUsd) {}

    /**
     * One row of the table.
     *
     * @param run the published inputs
     * @param reproducedCostUsd the published formula applied to the inputs, rounded to cents
     * @param billedGbSeconds requests x billed duration x configured memory (MB / 1024)
     * @param computeUsd billed GB-seconds at the price table's x86_64 price
     * @param requestsUsd requests at the price table's request price
     * @param billedCostUsd compute plus requests, unrounded
     */
    public record Row(
            Run run,
            BigDecimal reproducedCostUsd,
            double billedGbSeconds,
            double computeUsd,
            double requestsUsd,
            double billedCostUsd) {}

    private static final List<Run> RUNS =
            List.of(
                    new Run(25, 517, 6.55, 2.8, new BigDecimal("0.16")),
                    new Run(50, 259, 11.8, 4.0, new BigDecimal("0.20")),
                    new Run(75, 173, 17.6, 5.9, new BigDecimal("0.30")),
                    new Run(100, 130, 26.9, 7.0, new BigDecimal("0.41")));

    private PublishedCostTable() {}

    /** Returns the published inputs and costs. */
    public static List<Run> runs() {
        return RUNS;
    }

    /** Applies the published formula to a run's inputs, rounded half-up to cents. */
    public static BigDecimal publishedFormula(Run run) {
        BigDecimal cost =
                BigDecimal.valueOf(run.requests())
                        .multiply(BigDecimal.valueOf(run.durationSeconds()))
                        .multiply(BigDecimal.valueOf(run.memoryGb()))
                        .multiply(BigDecimal.valueOf(PUBLISHED_PRICE_PER_GB_SECOND));
        return cost.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Bills one run as AWS does: each request at {@code memoryMb} configured memory for its
     * duration rounded up to the next millisecond, at the table's x86_64 price, plus the request
     * charge. INIT time is not in the published inputs, so it is not billed here.
     */
    public static Row bill(Run run, int memoryMb, PriceTable prices) {
        // Decimal conversion, because 6.55 * 1000.0 in binary could round up to 6551 ms.
        double durationMillis =
                BigDecimal.valueOf(run.durationSeconds()).movePointRight(3).doubleValue();
        LambdaInvocation one =
                new LambdaInvocation("published", durationMillis, 0, memoryMb, "x86_64");
        double gbSeconds = run.requests() * one.gbSeconds();
        double compute = gbSeconds * prices.lambdaPerGbSecondX86().usd();
        double requests = run.requests() * prices.lambdaPerMillionRequests().usd() / 1_000_000.0;
        return new Row(
                run, publishedFormula(run), gbSeconds, compute, requests, compute + requests);
    }

    /** Returns every run, reproduced and billed at {@link #CONFIGURED_MEMORY_MB}. */
    public static List<Row> rows(PriceTable prices) {
        return rows(prices, CONFIGURED_MEMORY_MB);
    }

    /** Returns every run, reproduced and billed at {@code memoryMb} of configured memory. */
    public static List<Row> rows(PriceTable prices, int memoryMb) {
        return RUNS.stream().map(run -> bill(run, memoryMb, prices)).toList();
    }
}
