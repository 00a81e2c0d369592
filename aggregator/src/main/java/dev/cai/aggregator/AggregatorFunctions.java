package dev.cai.aggregator;

import dev.cai.aws.AwsClients;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.cost.PriceTable;
import dev.cai.port.JobTable;
import dev.cai.port.ObjectStore;
import java.time.Clock;

/**
 * The collaborators of the aggregator's functions, built once per container.
 *
 * @param table the job table
 * @param store the object store
 * @param finisher ends jobs and writes summaries
 * @param settings the configuration they were built from
 */
public record AggregatorFunctions(
        JobTable table, ObjectStore store, JobFinisher finisher, AggregatorSettings settings) {

    public static AggregatorFunctions fromEnvironment() {
        AggregatorSettings settings = AggregatorSettings.fromEnvironment(System.getenv());
        JobTable table =
                new DynamoJobTable(
                        AwsClients.dynamoDb(),
                        settings.jobTable(),
                        JobItems.expiringAfterDays(settings.ttlDays(), Clock.systemUTC()));
        ObjectStore store = new S3ObjectStore(AwsClients.s3());
        return of(table, store, settings);
    }

    public static AggregatorFunctions of(
            JobTable table, ObjectStore store, AggregatorSettings settings) {
        PriceTable prices =
                settings.priceTable().map(PriceTable::load).orElseGet(PriceTable::loadDefault);
        return new AggregatorFunctions(
                table, store, new JobFinisher(table, store, prices), settings);
    }

    public Aggregator aggregator() {
        return new Aggregator(table, finisher);
    }
}
