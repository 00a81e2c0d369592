package dev.cai.job;

import java.util.Arrays;
import java.util.Collection;

/**
 * The 50th and 95th percentiles and the maximum of a set of durations, by the nearest-rank
 * definition: the p-th percentile of n sorted values is the value at 1-based rank {@code ceil(p /
 * 100 * n)}, so it is always one of the values. All zero when count is 0.
 *
 * @param count how many values
 * @param p50 median by nearest rank
 * @param p95 95th percentile by nearest rank
 * @param max largest value
 */
public record Percentiles(int count, long p50, long p95, long max) {

    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0);

    /** Computes the percentiles of {@code values}. */
    public static Percentiles of(Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return ofSorted(sorted);
    }

    /** Computes the percentiles of {@code values}; the array is left unchanged. */
    public static Percentiles of(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    /**
     * Returns the nearest-rank p-th percentile of ascending {@code sorted}.
     *
     * @throws IllegalArgumentException when {@code sorted} is empty or p is outside (0, 100]
     */
    public static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values: a percentile needs at least one");
        }
        if (!(p > 0.0 && p <= 100.0)) {
            throw new IllegalArgumentException("percentile " + p + " is outside (0, 100]");
        }
        // p * n first: 95 * 20 / 100 is exactly 19, while 0.95 * 20 rounds above 19.
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static Percentiles ofSorted(long[] sorted) {
        if (sorted.length == 0) {
            return EMPTY;
        }
        return new Percentiles(
                sorted.length,
                nearestRank(sorted, 50),
                nearestRank(sorted, 95),
                sorted[sorted.length - 1]);
    }
}
