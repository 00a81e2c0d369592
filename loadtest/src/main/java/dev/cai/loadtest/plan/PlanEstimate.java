package dev.cai.loadtest.plan;

import dev.cai.cost.CostBreakdown;

/**
 * The estimated makespan and cost of one configuration on AWS.
 *
 * @param input the configuration
 * @param partitions partitions planned
 * @param partitionSeconds estimated handler time of a full partition at this memory size
 * @param peakConcurrency most workers running at once in the simulation
 * @param coldStarts execution environments created
 * @param makespanSeconds from the first message to the last partition's end
 * @param cost list-price cost, including INIT time of the cold starts
 * @param withinTimeout whether a full partition finishes within Lambda's 900 s limit
 */
public record PlanEstimate(
        PlanInput input,
        int partitions,
        double partitionSeconds,
        int peakConcurrency,
        int coldStarts,
        double makespanSeconds,
        CostBreakdown cost,
        boolean withinTimeout) {}
