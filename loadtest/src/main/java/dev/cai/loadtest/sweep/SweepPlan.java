package dev.cai.loadtest.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of one sweep, how many runs each gets and how long the whole sweep may take.
 *
 * @param kind which sweep
 * @param points parameter combinations, in run order
 * @param runsPerPoint repetitions of each point
 * @param timeLimit the sweep skips the runs left when this much time has passed
 */
public record SweepPlan(
        SweepKind kind, List<SweepPoint> points, int runsPerPoint, Duration timeLimit) {

    public SweepPlan {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(kind.commandName() + " sweep has no points");
        }
        if (runsPerPoint < 1) {
            throw new IllegalArgumentException(
                    "runs per point is " + runsPerPoint + ": expected at least 1");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit is " + timeLimit + ": expected > 0");
        }
    }

    /** Every data size times every partition size, at {@code batchSize}. */
    public static SweepPlan dataSize(
            List<Long> dataSizes,
            List<Long> partitionSizes,
            int batchSize,
            int runs,
            Duration timeLimit) {
        List<SweepPoint> points = new ArrayList<>();
        for (long partition : partitionSizes) {
            for (long data : dataSizes) {
                points.add(new SweepPoint(data, partition, batchSize));
            }
        }
        return new SweepPlan(SweepKind.DATA_SIZE, points, runs, timeLimit);
    }

    /** Every batch size at every data size, with one partition size. */
    public static SweepPlan batchSize(
            List<Integer> batchSizes,
            List<Long> dataSizes,
            long partitionBytes,
            int runs,
            Duration timeLimit) {
        List<SweepPoint> points = new ArrayList<>();
        for (long data : dataSizes) {
            for (int batch : batchSizes) {
                points.add(new SweepPoint(data, partitionBytes, batch));
            }
        }
        return new SweepPlan(SweepKind.BATCH_SIZE, points, runs, timeLimit);
    }

    /** Every partition size at one data size and batch size. */
    public static SweepPlan partitionSize(
            List<Long> partitionSizes,
            long dataBytes,
            int batchSize,
            int runs,
            Duration timeLimit) {
        List<SweepPoint> points = new ArrayList<>();
        for (long partition : partitionSizes) {
            points.add(new SweepPoint(dataBytes, partition, batchSize));
        }
        return new SweepPlan(SweepKind.PARTITION_SIZE, points, runs, timeLimit);
    }
}
