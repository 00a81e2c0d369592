package dev.cai.local.table;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cai.aws.JobItems;
import dev.cai.aws.JobNotFoundException;
import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.JobStatus;
import dev.cai.job.PartitionResult;
import dev.cai.job.PartitionStatus;
import dev.cai.json.Json;
import dev.cai.port.JobTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link JobTable} in memory, for the local runtime: the same conditional semantics as {@link
 * dev.cai.aws.DynamoJobTable}, items encoded by the same {@link JobItems} codec, and a {@link
 * ChangeFeed} of records shaped like DynamoDB Streams with NEW_AND_OLD_IMAGES.
 *
 * <p>Every operation holds the table's lock from its condition check to its change record, so each
 * is atomic and the feed's order is the write order. Like DynamoDB, each partition that {@link
 * #unmarkCounted} removes is its own write with its own record.
 */
public final class InMemoryJobTable implements JobTable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_TABLE_NAME = "cai-jobs";

    private final JobItems items;
    private final ChangeFeed feed = new ChangeFeed();
    private final StreamRecordFactory records;
    private final NavigableMap<ItemKey, Map<String, AttributeValue>> store = new TreeMap<>();

    public InMemoryJobTable(JobItems items) {
        this(items, DEFAULT_REGION, DEFAULT_TABLE_NAME);
    }

    /**
     * Creates an empty table.
     *
     * @param region the region named in change records
     * @param tableName the table named in the change records' stream ARN
     */
    public InMemoryJobTable(JobItems items, String region, String tableName) {
        this.items = items;
        this.records = new StreamRecordFactory(region, tableName, items.clock());
    }

    /** Returns the feed of change records, one per successful write. */
    public ChangeFeed feed() {
        return feed;
    }

    /** Returns the ARN that change records name as their event source. */
    public String streamArn() {
        return records.streamArn();
    }

    /**
     * Deletes every item whose {@code expiresAt} is before {@code now}, as DynamoDB's time to live
     * does, publishing a REMOVE record for each.
     *
     * @return the number of items deleted
     */
    public synchronized int deleteExpired(Instant now) {
        List<ItemKey> expired = new ArrayList<>();
        store.forEach(
                (key, item) -> {
                    AttributeValue expiresAt = item.get(JobItems.EXPIRES_AT);
                    if (expiresAt != null && Long.parseLong(expiresAt.n()) < now.getEpochSecond()) {
                        expired.add(key);
                    }
                });
        for (ItemKey key : expired) {
            feed.append(records.expiry(store.remove(key)));
        }
        return expired.size();
    }

    /**
     * Writes every item to {@code file} in DynamoDB's JSON form, so that a later process (a rerun)
     * can load the table. Writes to a temporary file first, then renames it.
     */
    public synchronized void save(Path file) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Map<String, AttributeValue> item : store.values()) {
            array.add(ItemJson.toJson(item));
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(
                temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(array));
        Files.move(
                temporary,
                file,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads items saved by {@link #save}, replacing items with the same keys. Loading publishes no
     * change records: the items were already published when they were written.
     *
     * @return the number of items loaded
     */
    public synchronized int load(Path file) throws IOException {
        JsonNode array = Json.mapper().readTree(file.toFile());
        if (!array.isArray()) {
            throw new IOException(
                    file + " is not a saved job table: expected a JSON array of " + "items");
        }
        int loaded = 0;
        for (JsonNode node : array) {
            Map<String, AttributeValue> item = Map.copyOf(ItemJson.fromJson(node));
            store.put(ItemKey.of(item), item);
            loaded++;
        }
        return loaded;
    }

    @Override
    public synchronized boolean createJob(JobRecord job) {
        Map<String, AttributeValue> key = JobItems.jobKey(job.jobId());
        if (get(key) != null) {
            return false;
        }
        put(items.jobItem(job));
        return true;
    }

    @Override
    public synchronized Optional<JobRecord> getJob(String jobId) {
        return Optional.ofNullable(get(JobItems.jobKey(jobId))).map(JobItems::toJob);
    }

    @Override
    public synchronized List<JobRecord> listUnfinishedJobs() {
        List<JobRecord> jobs = new ArrayList<>();
        for (Map<String, AttributeValue> item : store.values()) {
            if (item.containsKey(JobItems.UNFINISHED)) {
                jobs.add(JobItems.toJob(item));
            }
        }
        return jobs;
    }

    @Override
    public synchronized boolean transitionJob(
            String jobId, Set<JobStatus> from, JobStatus to, String reason) {
        Map<String, AttributeValue> current = get(JobItems.jobKey(jobId));
        if (current == null || !from.contains(JobStatus.valueOf(status(current)))) {
            return false;
        }
        Map<String, AttributeValue> updated = new LinkedHashMap<>(current);
        updated.put(JobItems.STATUS, AttributeValue.fromS(to.name()));
        updated.put(JobItems.EXPIRES_AT, items.expiresAt());
        if (reason == null) {
            updated.remove("reason");
        } else {
            updated.put("reason", AttributeValue.fromS(reason));
        }
        if (to.isTerminal()) {
            updated.put(
                    "finishedAtMillis",
                    AttributeValue.fromN(Long.toString(items.clock().millis())));
            updated.remove(JobItems.UNFINISHED);
        }
        put(updated);
        return true;
    }

    @Override
    public synchronized boolean reopenJob(
            String jobId, Set<JobStatus> from, long deadlineAtMillis) {
        Map<String, AttributeValue> current = get(JobItems.jobKey(jobId));
        if (current == null || !from.contains(JobStatus.valueOf(status(current)))) {
            return false;
        }
        Map<String, AttributeValue> updated = new LinkedHashMap<>(current);
        updated.put(JobItems.STATUS, AttributeValue.fromS(JobStatus.RUNNING.name()));
        updated.put("deadlineAtMillis", AttributeValue.fromN(Long.toString(deadlineAtMillis)));
        updated.put("finishedAtMillis", AttributeValue.fromN("0"));
        updated.put(JobItems.UNFINISHED, AttributeValue.fromS(JobItems.UNFINISHED_VALUE));
        updated.put(JobItems.EXPIRES_AT, items.expiresAt());
        updated.remove("reason");
        put(updated);
        return true;
    }

    @Override
    public synchronized boolean putPartitionResult(PartitionResult result) {
        Map<String, AttributeValue> current =
                get(JobItems.partitionKey(result.jobId(), result.partitionId()));
        if (current != null && !PartitionStatus.FAILED.name().equals(status(current))) {
            return false;
        }
        put(items.partitionItem(result));
        return true;
    }

    @Override
    public synchronized Optional<PartitionResult> getPartitionResult(
            String jobId, int partitionId) {
        return Optional.ofNullable(get(JobItems.partitionKey(jobId, partitionId)))
                .map(JobItems::toPartitionResult);
    }

    @Override
    public synchronized List<PartitionResult> listPartitionResults(String jobId) {
        List<PartitionResult> results =
                listPrefix(jobId, JobItems.PARTITION_SK_PREFIX, JobItems::toPartitionResult);
        results.sort(java.util.Comparator.comparingInt(PartitionResult::partitionId));
        return results;
    }

    @Override
    public synchronized int markCounted(String jobId, int partitionId) {
        Map<String, AttributeValue> current = get(JobItems.jobKey(jobId));
        if (current == null) {
            throw new JobNotFoundException(jobId, "markCounted of partition " + partitionId);
        }
        Set<String> counted = countedSet(current);
        if (!counted.add(Integer.toString(partitionId))) {
            return countedPartitions(current);
        }
        int count = countedPartitions(current) + 1;
        put(withCounted(current, counted, count));
        return count;
    }

    @Override
    public synchronized void unmarkCounted(String jobId, Collection<Integer> partitionIds) {
        for (int partitionId : partitionIds) {
            Map<String, AttributeValue> current = get(JobItems.jobKey(jobId));
            if (current == null) {
                return;
            }
            Set<String> counted = countedSet(current);
            if (counted.remove(Integer.toString(partitionId))) {
                put(withCounted(current, counted, countedPartitions(current) - 1));
            }
        }
    }

    @Override
    public synchronized void putAttempt(AttemptRecord attempt) {
        Map<String, AttributeValue> item = items.attemptItem(attempt);
        if (get(JobItems.keyOf(item)) == null) {
            put(item);
        }
    }

    @Override
    public synchronized List<AttemptRecord> listAttempts(String jobId) {
        return listPrefix(jobId, JobItems.ATTEMPT_SK_PREFIX, JobItems::toAttempt);
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return store.get(ItemKey.of(key));
    }

    private void put(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = Map.copyOf(item);
        Map<String, AttributeValue> previous = store.put(ItemKey.of(stored), stored);
        DynamodbStreamRecord record = records.write(previous, stored);
        feed.append(record);
    }

    private <T> List<T> listPrefix(
            String jobId, String skPrefix, Function<Map<String, AttributeValue>, T> decoder) {
        String pk = JobItems.jobPk(jobId);
        ItemKey from = new ItemKey(pk, skPrefix);
        ItemKey to = new ItemKey(pk, skPrefix + '\uffff');
        List<T> results = new ArrayList<>();
        for (Map<String, AttributeValue> item : store.subMap(from, true, to, true).values()) {
            results.add(decoder.apply(item));
        }
        return results;
    }

    private static String status(Map<String, AttributeValue> item) {
        AttributeValue status = item.get(JobItems.STATUS);
        return status == null ? "" : status.s();
    }

    private static Set<String> countedSet(Map<String, AttributeValue> job) {
        AttributeValue counted = job.get(JobItems.COUNTED);
        return counted == null ? new LinkedHashSet<>() : new LinkedHashSet<>(counted.ns());
    }

    private static int countedPartitions(Map<String, AttributeValue> job) {
        AttributeValue count = job.get(JobItems.COUNTED_PARTITIONS);
        return count == null ? 0 : Integer.parseInt(count.n());
    }

    // DynamoDB drops a set attribute whose last element is deleted, since sets cannot be empty.
    private static Map<String, AttributeValue> withCounted(
            Map<String, AttributeValue> job, Set<String> counted, int count) {
        Map<String, AttributeValue> updated = new LinkedHashMap<>(job);
        if (counted.isEmpty()) {
            updated.remove(JobItems.COUNTED);
        } else {
            updated.put(JobItems.COUNTED, AttributeValue.fromNs(List.copyOf(counted)));
        }
        updated.put(JobItems.COUNTED_PARTITIONS, AttributeValue.fromN(Integer.toString(count)));
        return updated;
    }

    /** A primary key, ordered as DynamoDB orders ASCII sort keys within a partition. */
    private record ItemKey(String pk, String sk) implements Comparable<ItemKey> {

        static ItemKey of(Map<String, AttributeValue> item) {
            return new ItemKey(item.get(JobItems.PK).s(), item.get(JobItems.SK).s());
        }

        @Override
        public int compareTo(ItemKey other) {
            int byPk = pk.compareTo(other.pk);
            return byPk != 0 ? byPk : sk.compareTo(other.sk);
        }
    }
}
