package dev.cai.local;

import dev.cai.dataset.ArrayNames;
import dev.cai.plan.PartitionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of one local pipeline: the deployed stack's parameters, scaled to one machine.
 *
 * @param workDir folder for the local buckets' objects
 * @param workers concurrent worker containers (Lambda's concurrency)
 * @param memoryMb the memory each worker reports as configured, used for cost
 * @param partitionSpec partition size or sample count
 * @param batchSize rows per inference batch
 * @param modelPath the SavedModel directory
 * @param arrayNames names of the dataset's arrays in the files
 * @param modelInputs signature input to dataset array mapping
 * @param maxReceiveCount receives before a message moves to the dead-letter queue
 * @param messagesPerInvocation SQS batch size of the worker's event source
 * @param retryDelay how soon a failed message is received again
 * @param visibilityTimeoutSeconds the partition queue's visibility timeout
 */
public record LocalOptions(
        Path workDir,
        int workers,
        int memoryMb,
        PartitionSpec partitionSpec,
        int batchSize,
        Path modelPath,
        ArrayNames arrayNames,
        Map<String, String> modelInputs,
        int maxReceiveCount,
        int messagesPerInvocation,
        Duration retryDelay,
        int visibilityTimeoutSeconds) {

    public LocalOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException(
                    "memory must be from 128 to 10240 MB, as on Lambda, got " + memoryMb);
        }
        modelInputs = Map.copyOf(modelInputs);
    }

    /** Returns options with the defaults of {@code ./cai run}. */
    public static LocalOptions defaults(Path workDir, Path modelPath) {
        return new LocalOptions(
                workDir,
                2,
                3008,
                new PartitionSpec.BySize(25_000_000L),
                512,
                modelPath,
                ArrayNames.DEFAULT,
                Map.of(),
                5,
                1,
                Duration.ofSeconds(1),
                300);
    }

    public LocalOptions withWorkers(int count) {
        return new LocalOptions(
                workDir,
                count,
                memoryMb,
                partitionSpec,
                batchSize,
                modelPath,
                arrayNames,
                modelInputs,
                maxReceiveCount,
                messagesPerInvocation,
                retryDelay,
                visibilityTimeoutSeconds);
    }

    public LocalOptions withPartitioning(PartitionSpec spec, int batch) {
        return new LocalOptions(
                workDir,
                workers,
                memoryMb,
                spec,
                batch,
                modelPath,
                arrayNames,
                modelInputs,
                maxReceiveCount,
                messagesPerInvocation,
                retryDelay,
                visibilityTimeoutSeconds);
    }

    public LocalOptions withMemoryMb(int megabytes) {
        return new LocalOptions(
                workDir,
                workers,
                megabytes,
                partitionSpec,
                batchSize,
                modelPath,
                arrayNames,
                modelInputs,
                maxReceiveCount,
                messagesPerInvocation,
                retryDelay,
                visibilityTimeoutSeconds);
    }

    public LocalOptions withModel(Path path, Map<String, String> inputs, ArrayNames names) {
        return new LocalOptions(
                workDir,
                workers,
                memoryMb,
                partitionSpec,
                batchSize,
                path,
                names,
                inputs,
                maxReceiveCount,
                messagesPerInvocation,
                retryDelay,
                visibilityTimeoutSeconds);
    }
}
