package dev.cai.plan;

import java.util.List;

/**
 * The message for one partition: rows {@code [rowStart, rowEnd)} of every array, as byte ranges of
 * the uploaded objects. Nothing is copied; the worker reads the ranges itself.
 *
 * @param jobId the job
 * @param partitionId 0-based index
 * @param partitionCount how many partitions the job has
 * @param bucket the input bucket
 * @param rowStart first row, inclusive
 * @param rowEnd last row, exclusive
 * @param arrays one slice per array, {@code images} first
 * @param batchSize rows per inference batch
 * @param outputBucket where the predictions go
 * @param predictionsKey the predictions object's key
 */
public record PartitionDescriptor(
        String jobId,
        int partitionId,
        int partitionCount,
        String bucket,
        long rowStart,
        long rowEnd,
        List<ArraySlice> arrays,
        int batchSize,
        String outputBucket,
        String predictionsKey) {

    public PartitionDescriptor {
        arrays = List.copyOf(arrays);
        if (rowEnd <= rowStart) {
            throw new IllegalArgumentException(
                    "partition "
                            + partitionId
                            + " has no rows: ["
                            + rowStart
                            + ", "
                            + rowEnd
                            + ")");
        }
    }

    public long rows() {
        return rowEnd - rowStart;
    }

    /** Returns the bytes this partition reads across every array. */
    public long bytes() {
        long total = 0;
        for (ArraySlice slice : arrays) {
            total += rows() * slice.rowBytes();
        }
        return total;
    }
}
