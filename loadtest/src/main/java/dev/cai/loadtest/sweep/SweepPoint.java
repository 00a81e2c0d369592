package dev.cai.loadtest.sweep;

/**
 * One parameter combination of a sweep.
 *
 * @param dataBytes dataset size in bytes
 * @param partitionBytes target partition size in bytes
 * @param batchSize inference batch size
 */
public record SweepPoint(long dataBytes, long partitionBytes, int batchSize) {

    public SweepPoint {
        if (dataBytes <= 0 || partitionBytes <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException(
                    "sweep point must be positive: data "
                            + dataBytes
                            + " bytes, partition "
                            + partitionBytes
                            + " bytes, batch "
                            + batchSize);
        }
    }
}
