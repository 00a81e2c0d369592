package dev.cai.splitter;

import dev.cai.config.EnvironmentReader;
import dev.cai.dataset.ArrayNames;
import dev.cai.plan.ByteSize;
import dev.cai.plan.PartitionSpec;
import java.util.List;
import java.util.Map;

/**
 * The splitter's configuration, read from its environment once per container.
 *
 * @param jobTable the DynamoDB table name
 * @param queueUrl the partition queue's URL
 * @param outputBucket where predictions and summaries go (never the input bucket)
 * @param outputPrefix prefix of every job's output folder, ending in {@code /}
 * @param partitionSpec target partition size or sample count
 * @param batchSize rows per inference batch
 * @param arrayNames how the dataset's arrays are named in the files
 * @param ttlDays days the job's items are kept
 */
public record SplitterSettings(
        String jobTable,
        String queueUrl,
        String outputBucket,
        String outputPrefix,
        PartitionSpec partitionSpec,
        int batchSize,
        ArrayNames arrayNames,
        int ttlDays) {

    /** Every environment variable this function reads. */
    public static final List<String> VARIABLES =
            List.of(
                    "JOB_TABLE",
                    "PARTITION_QUEUE_URL",
                    "OUTPUT_BUCKET",
                    "OUTPUT_PREFIX",
                    "PARTITION_SIZE",
                    "PARTITION_SAMPLES",
                    "BATCH_SIZE",
                    "ARRAY_NAMES",
                    "JOB_TTL_DAYS");

    public static final String DEFAULT_PARTITION_SIZE = "25MB";
    public static final int DEFAULT_BATCH_SIZE = 512;

    public static SplitterSettings fromEnvironment(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String table = reader.required("JOB_TABLE");
        String queue = reader.required("PARTITION_QUEUE_URL");
        String output = reader.required("OUTPUT_BUCKET");
        String prefix = normalisePrefix(reader.optional("OUTPUT_PREFIX", "jobs/"));
        long bytes =
                reader.parsed(
                        "PARTITION_SIZE",
                        DEFAULT_PARTITION_SIZE,
                        ByteSize::parse,
                        "a size such as 25MB or 64MiB");
        int samples = reader.integer("PARTITION_SAMPLES", 0, 0, Integer.MAX_VALUE);
        int batch = reader.integer("BATCH_SIZE", DEFAULT_BATCH_SIZE, 1, 65_536);
        ArrayNames names =
                reader.parsed(
                        "ARRAY_NAMES",
                        "",
                        ArrayNames::parse,
                        "a list such as images=x,magnitudes=mags");
        int ttl = reader.integer("JOB_TTL_DAYS", 30, 1, 3650);
        reader.validate("the splitter");
        PartitionSpec spec =
                samples > 0
                        ? new PartitionSpec.BySamples(samples)
                        : new PartitionSpec.BySize(bytes);
        return new SplitterSettings(table, queue, output, prefix, spec, batch, names, ttl);
    }

    static String normalisePrefix(String prefix) {
        if (prefix.isEmpty() || prefix.endsWith("/")) {
            return prefix;
        }
        return prefix + "/";
    }
}
