package dev.cai.local.cli;

import dev.cai.aws.AwsClients;
import dev.cai.aws.DynamoJobTable;
import dev.cai.aws.JobItems;
import dev.cai.aws.S3ObjectStore;
import dev.cai.local.aws.StackResources;
import java.time.Clock;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Options that locate a deployed stack's resources. Credentials and the region come from the
 * standard AWS chain (environment, profile, instance role); {@code --region} sets the {@code
 * aws.region} system property, which that chain reads first.
 */
final class StackOptions {

    @Option(names = "--stack", description = "The deployed stack's name (sam deploy --stack-name).")
    String stack;

    @Option(names = "--region", description = "AWS region; default: the standard AWS chain.")
    String region;

    @Option(names = "--input-bucket", description = "Input bucket, instead of reading the stack.")
    String inputBucket;

    @Option(
            names = "--input-prefix",
            defaultValue = "datasets/",
            description = "Key prefix of uploads, with --input-bucket (default: ${DEFAULT-VALUE}).")
    String inputPrefix;

    @Option(names = "--output-bucket", description = "Output bucket, instead of reading the stack.")
    String outputBucket;

    @Option(names = "--table", description = "Job table, instead of reading the stack.")
    String table;

    @Option(
            names = "--queue-url",
            description =
                    "Partition queue URL, instead of reading the " + "stack (needed by rerun).")
    String queueUrl;

    /** Returns whether a deployed stack was named, rather than the local runtime. */
    boolean namesStack() {
        return stack != null || (inputBucket != null && outputBucket != null && table != null);
    }

    /**
     * Returns the stack's resources, from the explicit options when all are given, else from the
     * stack's outputs.
     */
    StackResources resolve() {
        if (region != null) {
            System.setProperty("aws.region", region);
        }
        AwsRegion.require();
        if (inputBucket != null && outputBucket != null && table != null) {
            return new StackResources(inputBucket, inputPrefix, outputBucket, table, queueUrl);
        }
        if (stack == null) {
            throw new IllegalArgumentException(
                    "give --stack NAME, or all of --input-bucket, "
                            + "--output-bucket and --table");
        }
        try (CloudFormationClient cloudFormation = CloudFormationClient.create()) {
            return StackResources.describe(cloudFormation, stack);
        }
    }

    static S3ObjectStore store() {
        return new S3ObjectStore(AwsClients.s3());
    }

    static DynamoJobTable jobTable(StackResources resources) {
        return new DynamoJobTable(
                AwsClients.dynamoDb(),
                resources.jobTable(),
                JobItems.expiringAfterDays(30, Clock.systemUTC()));
    }
}
