package dev.cai.cost;

/**
 * The on-demand list-price cost of one job, in the price table's currency. Free tiers, volume
 * discounts, storage and data transfer are not included.
 *
 * @param lambdaComputeUsd billed GB-seconds times the duration price of each architecture
 * @param lambdaRequestsUsd invocations times the request price
 * @param sqsUsd SQS requests
 * @param dynamoDbUsd DynamoDB read and write request units
 * @param s3Usd S3 PUT and GET requests
 * @param totalUsd sum of the five charges
 * @param gbSeconds billed GB-seconds over every invocation
 * @param invocations Lambda invocations billed, failed ones included
 * @param region region of the price table
 * @param pricesCheckedOn when the price table was checked, ISO date
 */
public record CostBreakdown(
        double lambdaComputeUsd,
        double lambdaRequestsUsd,
        double sqsUsd,
        double dynamoDbUsd,
        double s3Usd,
        double totalUsd,
        double gbSeconds,
        long invocations,
        String region,
        String pricesCheckedOn) {

    /** Returns a breakdown with every charge 0, for a job that never ran. */
    public static CostBreakdown zero(String region, String pricesCheckedOn) {
        return new CostBreakdown(0, 0, 0, 0, 0, 0, 0, 0, region, pricesCheckedOn);
    }
}
