package dev.cai.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The job table's keys and index, for creating it on a local DynamoDB stand-in. The deployed table
 * is declared with the same keys in {@code template.yaml}.
 */
public final class JobTableSchema {

    private JobTableSchema() {}

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(JobItems.PK, ScalarAttributeType.S),
                        attribute(JobItems.SK, ScalarAttributeType.S),
                        attribute(JobItems.UNFINISHED, ScalarAttributeType.S),
                        attribute("deadlineAtMillis", ScalarAttributeType.N))
                .keySchema(key(JobItems.PK, KeyType.HASH), key(JobItems.SK, KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(JobItems.UNFINISHED_INDEX)
                                .keySchema(
                                        key(JobItems.UNFINISHED, KeyType.HASH),
                                        key("deadlineAtMillis", KeyType.RANGE))
                                .projection(
                                        Projection.builder()
                                                .projectionType(ProjectionType.ALL)
                                                .build())
                                .build())
                .build();
    }

    /** Creates the table and waits until it is active. */
    public static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(createTableRequest(tableName));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
