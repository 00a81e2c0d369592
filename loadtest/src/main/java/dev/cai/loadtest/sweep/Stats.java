package dev.cai.loadtest.sweep;

import java.util.List;

/**
 * Mean, sample standard deviation (n - 1 in the denominator), minimum and maximum of a metric over
 * the complete runs of one point. The deviation is NaN for fewer than two runs, and every field is
 * NaN for none.
 *
 * @param count number of runs
 * @param mean arithmetic mean
 * @param stdDev sample standard deviation
 * @param min smallest value
 * @param max largest value
 */
public record Stats(int count, double mean, double stdDev, double min, double max) {

    /** Computes the statistics of {@code values}, in two passes for a stable deviation. */
    public static Stats of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / n;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double stdDev = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return new Stats(n, mean, stdDev, min, max);
    }
}
