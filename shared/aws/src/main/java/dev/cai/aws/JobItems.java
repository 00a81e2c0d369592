package dev.cai.aws;

import dev.cai.job.AttemptRecord;
import dev.cai.job.JobRecord;
import dev.cai.job.PartitionResult;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts the job table's records to DynamoDB items and back.
 *
 * <p>One table stores every item of a job under partition key {@code pk = JOB#<jobId>}, with sort
 * key {@code JOB} for the job, {@code PART#00007} for partition 7's result and {@code
 * ATTEMPT#00007#<requestId>} for one worker attempt on it. Attribute {@code type} is {@code JOB},
 * {@code PARTITION} or {@code ATTEMPT}; the aggregator's stream filter matches on it and on {@code
 * status}. Every record component is stored under its own name (see {@link RecordAttributes}), and
 * every item carries {@code expiresAt}, the epoch second after which DynamoDB's time to live
 * deletes it.
 */
public final class JobItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";
    public static final String STATUS = "status";
    public static final String EXPIRES_AT = "expiresAt";

    /** Number set of the partition ids the aggregator has counted, on the job item. */
    public static final String COUNTED = "counted";

    /** Size of {@link #COUNTED}, kept beside it by the same update. */
    public static final String COUNTED_PARTITIONS = "countedPartitions";

    /**
     * Present (value {@code OPEN}) only on job items that are not terminal, so the sparse index
     * {@link #UNFINISHED_INDEX} lists unfinished jobs without a scan.
     */
    public static final String UNFINISHED = "unfinished";

    public static final String UNFINISHED_VALUE = "OPEN";
    public static final String UNFINISHED_INDEX = "unfinished-jobs";

    public static final String TYPE_JOB = "JOB";
    public static final String TYPE_PARTITION = "PARTITION";
    public static final String TYPE_ATTEMPT = "ATTEMPT";

    static final String JOB_SK = "JOB";
    public static final String PARTITION_SK_PREFIX = "PART#";
    public static final String ATTEMPT_SK_PREFIX = "ATTEMPT#";

    private final Duration timeToLive;
    private final Clock clock;

    /**
     * Creates a codec that stamps items with {@code expiresAt = now + timeToLive}.
     *
     * @throws IllegalArgumentException when {@code timeToLive} is not positive
     */
    public JobItems(Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException(
                    "invalid job time to live " + timeToLive + ": expected a positive duration");
        }
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** Returns a codec whose items expire {@code days} days after they are written. */
    public static JobItems expiringAfterDays(int days, Clock clock) {
        if (days <= 0) {
            throw new IllegalArgumentException(
                    "invalid JOB_TTL_DAYS " + days + ": expected a positive number of days");
        }
        return new JobItems(Duration.ofDays(days), clock);
    }

    public Clock clock() {
        return clock;
    }

    /** Returns the {@code expiresAt} value for an item written now, in epoch seconds. */
    public AttributeValue expiresAt() {
        return AttributeValue.fromN(
                Long.toString(clock.instant().plus(timeToLive).getEpochSecond()));
    }

    public Map<String, AttributeValue> jobItem(JobRecord job) {
        Map<String, AttributeValue> item = keyed(jobKey(job.jobId()), TYPE_JOB);
        item.putAll(RecordAttributes.encode(job));
        if (!job.status().isTerminal()) {
            item.put(UNFINISHED, AttributeValue.fromS(UNFINISHED_VALUE));
        }
        return item;
    }

    public Map<String, AttributeValue> partitionItem(PartitionResult result) {
        Map<String, AttributeValue> item =
                keyed(partitionKey(result.jobId(), result.partitionId()), TYPE_PARTITION);
        item.putAll(RecordAttributes.encode(result));
        return item;
    }

    public Map<String, AttributeValue> attemptItem(AttemptRecord attempt) {
        Map<String, AttributeValue> item =
                keyed(
                        attemptKey(attempt.jobId(), attempt.partitionId(), attempt.requestId()),
                        TYPE_ATTEMPT);
        item.putAll(RecordAttributes.encode(attempt));
        return item;
    }

    public static String jobPk(String jobId) {
        return "JOB#" + jobId;
    }

    public static String partitionSk(int partitionId) {
        return String.format("%s%05d", PARTITION_SK_PREFIX, partitionId);
    }

    public static String attemptSk(int partitionId, String requestId) {
        return String.format("%s%05d#%s", ATTEMPT_SK_PREFIX, partitionId, requestId);
    }

    public static Map<String, AttributeValue> jobKey(String jobId) {
        return key(jobPk(jobId), JOB_SK);
    }

    public static Map<String, AttributeValue> partitionKey(String jobId, int partitionId) {
        return key(jobPk(jobId), partitionSk(partitionId));
    }

    public static Map<String, AttributeValue> attemptKey(
            String jobId, int partitionId, String requestId) {
        return key(jobPk(jobId), attemptSk(partitionId, requestId));
    }

    /** Returns the primary key attributes of an item. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return key(item.get(PK).s(), item.get(SK).s());
    }

    /** Returns the item's {@code type} attribute, or empty when it has none. */
    public static Optional<String> typeOf(Map<String, AttributeValue> item) {
        AttributeValue type = item.get(TYPE);
        return type == null ? Optional.empty() : Optional.ofNullable(type.s());
    }

    public static JobRecord toJob(Map<String, AttributeValue> item) {
        return RecordAttributes.decode(JobRecord.class, item);
    }

    public static PartitionResult toPartitionResult(Map<String, AttributeValue> item) {
        return RecordAttributes.decode(PartitionResult.class, item);
    }

    public static AttemptRecord toAttempt(Map<String, AttributeValue> item) {
        return RecordAttributes.decode(AttemptRecord.class, item);
    }

    private Map<String, AttributeValue> keyed(Map<String, AttributeValue> key, String type) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put(TYPE, AttributeValue.fromS(type));
        item.put(EXPIRES_AT, expiresAt());
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(PK, AttributeValue.fromS(pk));
        key.put(SK, AttributeValue.fromS(sk));
        return key;
    }
}
