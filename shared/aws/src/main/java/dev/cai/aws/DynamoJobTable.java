package dev.cai.aws;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.port.JobTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The {@link JobTable} on one DynamoDB table (layout in {@link JobItems}). Every guarantee of the
 * contract is a condition expression evaluated by DynamoDB, so concurrent writers from many Lambda
 * containers need no locking.
 */
public final class DynamoJobTable implements JobTable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoJobTable.class);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final JobItems items;

    public DynamoJobTable(DynamoDbClient dynamoDb, String tableName, JobItems items) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.items = items;
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public boolean createJob(JobRecord job) {
        if (putIfAbsent(items.jobItem(job))) {
            return true;
        } else {
            LOG.info("Job {} exists already; create skipped", job.jobId());
            return false;
        }
    }

    @Override
    public Optional<JobRecord> getJob(String jobId) {
        return getItem(JobItems.jobKey(jobId)).map(JobItems::toJob);
    }

    @Override
    public List<JobRecord> listUnfinishedJobs() {
        // The index is eventually consistent, enough for a sweep that runs every few minutes.
        return query(
                QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(JobItems.UNFINISHED_INDEX)
                        .keyConditionExpression("#unfinished = :open")
                        .expressionAttributeNames(Map.of("#unfinished", JobItems.UNFINISHED))
                        .expressionAttributeValues(
                                Map.of(":open", AttributeValue.fromS(JobItems.UNFINISHED_VALUE)))
                        .build(),
                JobItems::toJob);
    }

    @Override
    public boolean transitionJob(String jobId, Set<JobStatus> from, JobStatus to, String reason) {
        if (from.isEmpty()) {
            return false;
        }
        JobTransition transition =
                JobTransition.of(from, to, reason, items.clock().millis(), items.expiresAt());
        try {
            dynamoDb.updateItem(
                    b ->
                            b.tableName(tableName)
                                    .key(JobItems.jobKey(jobId))
                                    .updateExpression(transition.updateExpression())
                                    .conditionExpression(transition.conditionExpression())
                                    .expressionAttributeNames(transition.names())
                                    .expressionAttributeValues(transition.values()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean reopenJob(String jobId, Set<JobStatus> from, long deadlineAtMillis) {
        if (from.isEmpty()) {
            return false;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#status", JobItems.STATUS);
        names.put("#reason", "reason");
        names.put("#deadline", "deadlineAtMillis");
        names.put("#finished", "finishedAtMillis");
        names.put("#unfinished", JobItems.UNFINISHED);
        names.put("#expiresAt", JobItems.EXPIRES_AT);
        values.put(":running", AttributeValue.fromS(JobStatus.RUNNING.name()));
        values.put(":deadline", AttributeValue.fromN(Long.toString(deadlineAtMillis)));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":open", AttributeValue.fromS(JobItems.UNFINISHED_VALUE));
        values.put(":expiresAt", items.expiresAt());
        String condition = JobTransition.existsWithStatusIn(from, names, values);

        try {
            dynamoDb.updateItem(
                    b ->
                            b.tableName(tableName)
                                    .key(JobItems.jobKey(jobId))
                                    .updateExpression(
                                            "SET #status = :running, #deadline = :deadline,"
                                                    + " #finished = :zero, #unfinished = :open,"
                                                    + " #expiresAt = :expiresAt REMOVE #reason")
                                    .conditionExpression(condition)
                                    .expressionAttributeNames(names)
                                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean putPartitionResult(PartitionResult result) {
        // DONE may replace nothing or a FAILED result. FAILED may replace nothing or an earlier
        // FAILED result. So the condition is the same for both: nothing there, or FAILED there.
        try {
            dynamoDb.putItem(
                    b ->
                            b.tableName(tableName)
                                    .item(items.partitionItem(result))
                                    .conditionExpression(
                                            "attribute_not_exists(#pk) OR #status = :failed")
                                    .expressionAttributeNames(
                                            Map.of("#pk", JobItems.PK, "#status", JobItems.STATUS))
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":failed",
                                                    AttributeValue.fromS(
                                                            PartitionStatus.FAILED.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            LOG.info(
                    "Partition {} of job {} is DONE already; {} result skipped",
                    result.partitionId(),
                    result.jobId(),
                    result.status());
            return false;
        }
    }

    @Override
    public Optional<PartitionResult> getPartitionResult(String jobId, int partitionId) {
        return getItem(JobItems.partitionKey(jobId, partitionId)).map(JobItems::toPartitionResult);
    }

    @Override
    public List<PartitionResult> listPartitionResults(String jobId) {
        List<PartitionResult> results =
                queryPrefix(jobId, JobItems.PARTITION_SK_PREFIX, JobItems::toPartitionResult);
        results.sort(Comparator.comparingInt(PartitionResult::partitionId));
        return results;
    }

    @Override
    public int markCounted(String jobId, int partitionId) {
        AttributeValue partition = AttributeValue.fromN(Integer.toString(partitionId));
        try {
            UpdateItemResponse response =
                    dynamoDb.updateItem(
                            b ->
                                    b.tableName(tableName)
                                            .key(JobItems.jobKey(jobId))
                                            .updateExpression(
                                                    "ADD #counted :pset, #countedPartitions :one")
                                            .conditionExpression(
                                                    "attribute_exists(#pk) AND NOT"
                                                            + " contains(#counted, :p)")
                                            .expressionAttributeNames(countedNames())
                                            .expressionAttributeValues(
                                                    Map.of(
                                                            ":pset",
                                                                    AttributeValue.fromNs(
                                                                            List.of(partition.n())),
                                                            ":one", AttributeValue.fromN("1"),
                                                            ":p", partition))
                                            .returnValues(ReturnValue.UPDATED_NEW));
            return Integer.parseInt(response.attributes().get(JobItems.COUNTED_PARTITIONS).n());
        } catch (ConditionalCheckFailedException e) {
            // Either counted before or no such job: a consistent read of the job item shows which.
            JobRecord job =
                    getJob(jobId)
                            .orElseThrow(
                                    () ->
                                            new JobNotFoundException(
                                                    jobId,
                                                    "markCounted of partition " + partitionId));
            return job.countedPartitions();
        }
    }

    @Override
    public void unmarkCounted(String jobId, Collection<Integer> partitionIds) {
        for (int partitionId : partitionIds) {
            unmarkOne(jobId, partitionId);
        }
    }

    @Override
    public void putAttempt(AttemptRecord attempt) {
        if (!putIfAbsent(items.attemptItem(attempt))) {
            LOG.debug(
                    "Attempt {} on partition {} of job {} recorded already",
                    attempt.requestId(),
                    attempt.partitionId(),
                    attempt.jobId());
        }
    }

    /** Writes an item unless one with its key exists; returns whether it was written. */
    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(
                    b ->
                            b.tableName(tableName)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(#pk)")
                                    .expressionAttributeNames(Map.of("#pk", JobItems.PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<AttemptRecord> listAttempts(String jobId) {
        return queryPrefix(jobId, JobItems.ATTEMPT_SK_PREFIX, JobItems::toAttempt);
    }

    // The set and its size change together, and only while the partition is in the set.
    private void unmarkOne(String jobId, int partitionId) {
        AttributeValue partition = AttributeValue.fromN(Integer.toString(partitionId));
        try {
            dynamoDb.updateItem(
                    b ->
                            b.tableName(tableName)
                                    .key(JobItems.jobKey(jobId))
                                    .updateExpression(
                                            "DELETE #counted :pset ADD #countedPartitions"
                                                    + " :minusOne")
                                    .conditionExpression(
                                            "attribute_exists(#pk) AND contains(#counted, :p)")
                                    .expressionAttributeNames(countedNames())
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":pset",
                                                            AttributeValue.fromNs(
                                                                    List.of(partition.n())),
                                                    ":minusOne", AttributeValue.fromN("-1"),
                                                    ":p", partition)));
        } catch (ConditionalCheckFailedException e) {
            LOG.debug(
                    "Partition {} of job {} was not counted; nothing to unmark",
                    partitionId,
                    jobId);
        }
    }

    private static Map<String, String> countedNames() {
        return Map.of(
                "#pk",
                JobItems.PK,
                "#counted",
                JobItems.COUNTED,
                "#countedPartitions",
                JobItems.COUNTED_PARTITIONS);
    }

    private Optional<Map<String, AttributeValue>> getItem(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item =
                dynamoDb.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private <T> List<T> queryPrefix(
            String jobId, String skPrefix, Function<Map<String, AttributeValue>, T> decoder) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(JobItems.jobPk(jobId)));
        values.put(":prefix", AttributeValue.fromS(skPrefix));
        return query(
                QueryRequest.builder()
                        .tableName(tableName)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", JobItems.PK, "#sk", JobItems.SK))
                        .expressionAttributeValues(values)
                        .consistentRead(true)
                        .build(),
                decoder);
    }

    private <T> List<T> query(
            QueryRequest request, Function<Map<String, AttributeValue>, T> decoder) {
        List<T> results = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(request).items()) {
            results.add(decoder.apply(item));
        }
        return results;
    }
}
