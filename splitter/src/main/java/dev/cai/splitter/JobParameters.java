package dev.cai.splitter;

import dev.cai.plan.ByteSize;
import dev.cai.plan.PartitionSpec;
import java.util.Map;

/**
 * The partitioning and batching of one job: the splitter's settings, unless the upload carries its
 * own in S3 user metadata ({@code x-amz-meta-cai-partition-size}, {@code
 * x-amz-meta-cai-partition-samples}, {@code x-amz-meta-cai-batch-size}), so that one deployed stack
 * can run jobs with different settings, as load-test sweeps do.
 *
 * @param partitionSpec target partition size or sample count
 * @param batchSize rows per inference batch
 */
public record JobParameters(PartitionSpec partitionSpec, int batchSize) {

    public static final String PARTITION_SIZE = "cai-partition-size";
    public static final String PARTITION_SAMPLES = "cai-partition-samples";
    public static final String BATCH_SIZE = "cai-batch-size";

    /**
     * Applies an upload's metadata to the splitter's settings.
     *
     * @throws IllegalArgumentException naming the metadata entry and its value when one is invalid
     */
    public static JobParameters of(SplitterSettings settings, Map<String, String> metadata) {
        PartitionSpec spec = settings.partitionSpec();
        String size = metadata.get(PARTITION_SIZE);
        if (size != null) {
            spec = new PartitionSpec.BySize(positive(PARTITION_SIZE, size, ByteSize.parse(size)));
        }
        String samples = metadata.get(PARTITION_SAMPLES);
        if (samples != null) {
            spec =
                    new PartitionSpec.BySamples(
                            positive(PARTITION_SAMPLES, samples, parse(samples)));
        }
        int batch = settings.batchSize();
        String batchText = metadata.get(BATCH_SIZE);
        if (batchText != null) {
            long value = positive(BATCH_SIZE, batchText, parse(batchText));
            if (value > 65_536) {
                throw invalid(BATCH_SIZE, batchText, "an integer from 1 to 65536");
            }
            batch = (int) value;
        }
        return new JobParameters(spec, batch);
    }

    /** Returns the upload metadata that requests these parameters; null leaves one unset. */
    public static Map<String, String> metadata(
            Long partitionBytes, Long partitionSamples, Integer batchSize) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        if (partitionBytes != null) {
            metadata.put(PARTITION_SIZE, Long.toString(partitionBytes));
        }
        if (partitionSamples != null) {
            metadata.put(PARTITION_SAMPLES, Long.toString(partitionSamples));
        }
        if (batchSize != null) {
            metadata.put(BATCH_SIZE, Integer.toString(batchSize));
        }
        return metadata;
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long positive(String name, String text, long value) {
        if (value < 1) {
            throw invalid(name, text, "a positive number");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String name, String text, String expected) {
        return new IllegalArgumentException(
                "invalid upload metadata x-amz-meta-"
                        + name
                        + "='"
                        + text
                        + "': expected "
                        + expected);
    }
}
