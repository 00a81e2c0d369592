package dev.cai.aggregator;

import dev.cai.config.EnvironmentReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration shared by the aggregator's three functions (stream, dead-letter queue and deadline
 * sweep), read from the environment once per container.
 *
 * @param jobTable the DynamoDB table name
 * @param outputBucket where summaries go
 * @param priceTable a path or inline JSON overriding the built-in price table, if set
 * @param ttlDays days a job's items are kept
 * @param maxReceiveCount the partition queue's redrive {@code maxReceiveCount}, for messages
 */
public record AggregatorSettings(
        String jobTable,
        String outputBucket,
        Optional<String> priceTable,
        int ttlDays,
        int maxReceiveCount) {

    /** Every environment variable these functions read. */
    public static final List<String> VARIABLES =
            List.of(
                    "JOB_TABLE",
                    "OUTPUT_BUCKET",
                    "PRICE_TABLE",
                    "JOB_TTL_DAYS",
                    "MAX_RECEIVE_COUNT");

    public static AggregatorSettings fromEnvironment(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String table = reader.required("JOB_TABLE");
        String output = reader.required("OUTPUT_BUCKET");
        Optional<String> prices = reader.optional("PRICE_TABLE");
        int ttl = reader.integer("JOB_TTL_DAYS", 30, 1, 3650);
        int maxReceive = reader.integer("MAX_RECEIVE_COUNT", 5, 1, 1000);
        reader.validate("the aggregator");
        return new AggregatorSettings(table, output, prices, ttl, maxReceive);
    }
}
