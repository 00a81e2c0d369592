package dev.cai.aws;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the synchronous S3, SQS and DynamoDB clients the functions and the local runtime use.
 *
 * <p>The no-argument factories use the SDK's default chains: the region from {@code AWS_REGION}
 * (set by Lambda), the credentials from the environment or the execution role, and endpoint
 * overrides from {@code AWS_ENDPOINT_URL} or a service-specific variable such as {@code
 * AWS_ENDPOINT_URL_S3}, which SDK for Java 2.x reads itself (see "Configuring client endpoints" in
 * the SDK developer guide). The factories taking a {@link Target} set all three explicitly, so
 * nothing is looked up from the machine.
 */
public final class AwsClients {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    static final String S3_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";
    static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
    static final String S3_ENDPOINT_PROPERTY = "aws.endpointUrlS3";

    private AwsClients() {}

    /**
     * An explicit endpoint, signing region and credentials, for stand-ins on loopback.
     *
     * @param endpoint the service's base URI, for example {@code http://127.0.0.1:9324}
     * @param region the region requests are signed for
     * @param credentials the credentials to sign with, usually static test credentials
     */
    public record Target(URI endpoint, Region region, AwsCredentialsProvider credentials) {

        public Target {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
        }

        /** Returns a target signing with fixed access keys, as local stand-ins expect. */
        public static Target of(URI endpoint, String region, String accessKeyId, String secretKey) {
            return new Target(
                    endpoint, Region.of(region), staticCredentials(accessKeyId, secretKey));
        }
    }

    /** Returns a provider of fixed access keys. */
    public static AwsCredentialsProvider staticCredentials(String accessKeyId, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey));
    }

    /**
     * Builds an S3 client from the default chains. Path-style addressing is switched on when an
     * endpoint variable is set, because local stand-ins serve buckets as paths.
     */
    public static S3Client s3() {
        return S3Client.builder()
                .httpClient(httpClient())
                .forcePathStyle(endpointVariableSet())
                .build();
    }

    /** Builds an S3 client for an explicit endpoint, with path-style addressing. */
    public static S3Client s3(Target target) {
        return S3Client.builder()
                .httpClient(httpClient())
                .endpointOverride(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentials())
                .forcePathStyle(true)
                .build();
    }

    /** Builds an SQS client from the default chains. */
    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(httpClient()).build();
    }

    /** Builds an SQS client for an explicit endpoint. */
    public static SqsClient sqs(Target target) {
        return SqsClient.builder()
                .httpClient(httpClient())
                .endpointOverride(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentials())
                .build();
    }

    /** Builds a DynamoDB client from the default chains. */
    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(httpClient()).build();
    }

    /** Builds a DynamoDB client for an explicit endpoint. */
    public static DynamoDbClient dynamoDb(Target target) {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .endpointOverride(target.endpoint())
                .region(target.region())
                .credentialsProvider(target.credentials())
                .build();
    }

    /**
     * Returns whether an S3 endpoint is configured outside the code, through the environment
     * variables or the JVM system properties that SDK 2.x reads for endpoint overrides.
     */
    static boolean endpointVariableSet() {
        return isSet(System.getenv(ENDPOINT_VARIABLE))
                || isSet(System.getenv(S3_ENDPOINT_VARIABLE))
                || isSet(System.getProperty(ENDPOINT_PROPERTY))
                || isSet(System.getProperty(S3_ENDPOINT_PROPERTY));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    // The URL connection client starts faster than the Apache one, which matters on a cold start.
    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }
}
