package dev.cai.plan;

import dev.cai.dataset.ArrayLayout;
import dev.cai.dataset.DatasetLayout;
import dev.cai.job.JobRecord;
import java.util.ArrayList;
import java.util.List;

/** Cuts a dataset's rows into contiguous partitions and describes each as byte ranges. */
public final class PartitionPlanner {

    /**
     * Plans with more partitions are rejected: each partition is one SQS message, one worker
     * invocation and one result item, and the job item's counted set grows with the count.
     */
    public static final int MAX_PARTITIONS = 100_000;

    private PartitionPlanner() {}

    /** Plans the partitions of a dataset; see {@link #plan(long, long, PartitionSpec)}. */
    public static List<RowRange> plan(DatasetLayout layout, PartitionSpec spec) {
        return plan(layout.rows(), layout.bytesPerRow(), spec);
    }

    /**
     * Cuts {@code rows} rows into consecutive ranges of {@code spec.rowsPerPartition} rows (the
     * last one may be shorter) that cover every row once, in order, none empty.
     *
     * @throws IllegalArgumentException when {@code rows < 1}, or the plan would have more than
     *     {@link #MAX_PARTITIONS} partitions
     */
    public static List<RowRange> plan(long rows, long bytesPerRow, PartitionSpec spec) {
        if (rows < 1) {
            throw new IllegalArgumentException(
                    "invalid row count " + rows + ": expected a dataset of at least 1 row");
        }
        long rowsPerPartition = spec.rowsPerPartition(bytesPerRow);
        long count = (rows - 1) / rowsPerPartition + 1;
        if (count > MAX_PARTITIONS) {
            throw new IllegalArgumentException(
                    rows
                            + " rows of "
                            + ByteSize.format(bytesPerRow)
                            + " with "
                            + spec
                            + " make "
                            + count
                            + " partitions: expected at most "
                            + MAX_PARTITIONS
                            + "; choose a partition size of at least "
                            + ByteSize.format(minimumPartitionBytes(rows, bytesPerRow)));
        }

        List<RowRange> ranges = new ArrayList<>((int) count);
        for (int id = 0; id < count; id++) {
            long start = id * rowsPerPartition;
            long end = Math.min(rows, start + rowsPerPartition);
            ranges.add(new RowRange(id, start, end));
        }
        return ranges;
    }

    /**
     * Plans a dataset and builds one descriptor per partition, with the {@code images} slice first
     * and the predictions key from {@link JobRecord#predictionsKey(String, int)}.
     *
     * @throws IllegalArgumentException when {@code batchSize < 1} or {@link #plan} rejects the plan
     */
    public static List<PartitionDescriptor> descriptors(
            String jobId,
            String bucket,
            DatasetLayout layout,
            PartitionSpec spec,
            int batchSize,
            String outputBucket,
            String outputPrefix) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "invalid batch size " + batchSize + ": expected at least 1 row");
        }
        List<ArraySlice> slices = new ArrayList<>();
        slices.add(ArraySlice.of(layout.images()));
        for (ArrayLayout array : layout.arrays().values()) {
            if (!array.name().equals(DatasetLayout.IMAGES)) {
                slices.add(ArraySlice.of(array));
            }
        }

        List<RowRange> ranges = plan(layout, spec);
        List<PartitionDescriptor> descriptors = new ArrayList<>(ranges.size());
        for (RowRange range : ranges) {
            descriptors.add(
                    new PartitionDescriptor(
                            jobId,
                            range.partitionId(),
                            ranges.size(),
                            bucket,
                            range.rowStart(),
                            range.rowEnd(),
                            slices,
                            batchSize,
                            outputBucket,
                            JobRecord.predictionsKey(outputPrefix, range.partitionId())));
        }
        return descriptors;
    }

    private static long minimumPartitionBytes(long rows, long bytesPerRow) {
        long rowsPerPartition = (rows - 1) / MAX_PARTITIONS + 1;
        long rowBytes = Math.max(1, bytesPerRow);
        return rowsPerPartition > Long.MAX_VALUE / rowBytes
                ? Long.MAX_VALUE
                : rowsPerPartition * rowBytes;
    }
}
