package dev.cai.plan;

/**
 * The rows {@code [rowStart, rowEnd)} of one partition.
 *
 * @param partitionId 0-based partition index
 * @param rowStart first row, inclusive
 * @param rowEnd last row, exclusive
 */
public record RowRange(int partitionId, long rowStart, long rowEnd) {

    public RowRange {
        if (partitionId < 0 || rowStart < 0 || rowEnd <= rowStart) {
            throw new IllegalArgumentException(
                    "invalid row range "
                            + partitionId
                            + ": ["
                            + rowStart
                            + ", "
                            + rowEnd
                            + "): expected id >= 0 and 0 <= start < end");
        }
    }

    public long rows() {
        return rowEnd - rowStart;
    }
}
