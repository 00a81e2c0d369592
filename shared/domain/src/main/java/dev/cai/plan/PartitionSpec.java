package dev.cai.plan;

/** How to cut a dataset into partitions: by a target size in bytes or by a sample count. */
public sealed interface PartitionSpec {

    /** Returns the rows each partition gets for rows of {@code bytesPerRow} bytes. */
    long rowsPerPartition(long bytesPerRow);

    /**
     * Partitions of about {@code bytes} bytes of array data each, and at least one row.
     *
     * @param bytes the target partition size in bytes, at least 1
     */
    record BySize(long bytes) implements PartitionSpec {

        public BySize {
            if (bytes <= 0) {
                throw new IllegalArgumentException(
                        "invalid partition size " + bytes + " bytes: expected at least 1 byte");
            }
        }

        /** Parses a size such as {@code 25MB}; see {@link ByteSize#parse}. */
        public static BySize parse(String size) {
            return new BySize(ByteSize.parse(size));
        }

        @Override
        public long rowsPerPartition(long bytesPerRow) {
            if (bytesPerRow <= 0) {
                throw new IllegalArgumentException(
                        "invalid row size " + bytesPerRow + " bytes: expected at least 1 byte");
            }
            return Math.max(1, bytes / bytesPerRow);
        }

        @Override
        public String toString() {
            return ByteSize.format(bytes) + " per partition";
        }
    }

    /**
     * Partitions of {@code samples} rows each; the last one may be smaller.
     *
     * @param samples rows per partition, at least 1
     */
    record BySamples(long samples) implements PartitionSpec {

        public BySamples {
            if (samples <= 0) {
                throw new IllegalArgumentException(
                        "invalid partition sample count " + samples + ": expected at least 1");
            }
        }

        @Override
        public long rowsPerPartition(long bytesPerRow) {
            return samples;
        }

        @Override
        public String toString() {
            return samples + " samples per partition";
        }
    }
}
