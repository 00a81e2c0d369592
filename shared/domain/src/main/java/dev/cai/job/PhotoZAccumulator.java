package dev.cai.job;

import java.util.Arrays;
import java.util.Optional;

/**
 * Collects (prediction, label) chunks, one per predictions file, and computes the same {@link
 * PhotoZMetrics} as one call on the concatenated arrays. It keeps every value (8 bytes a pair)
 * because exact medians need them all. Not thread-safe.
 */
public final class PhotoZAccumulator {

    private float[] predictions = new float[1024];
    private float[] labels = new float[1024];
    private int count;

    /**
     * Appends one chunk of pairs.
     *
     * @throws IllegalArgumentException when the chunk's arrays differ in length
     */
    public PhotoZAccumulator add(float[] zPred, float[] zTrue) {
        if (zPred.length != zTrue.length) {
            throw new IllegalArgumentException(
                    "chunk predictions and labels differ in length: "
                            + zPred.length
                            + " predictions, "
                            + zTrue.length
                            + " labels");
        }
        ensureCapacity(count + zPred.length);
        System.arraycopy(zPred, 0, predictions, count, zPred.length);
        System.arraycopy(zTrue, 0, labels, count, zTrue.length);
        count += zPred.length;
        return this;
    }

    /** Returns the number of pairs added so far. */
    public int count() {
        return count;
    }

    /**
     * Computes the metrics of every pair added so far, or returns empty when none was added.
     *
     * @throws IllegalArgumentException as {@link PhotoZMetrics#compute} does for invalid values
     */
    public Optional<PhotoZMetrics> metrics() {
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(
                PhotoZMetrics.compute(
                        Arrays.copyOf(predictions, count), Arrays.copyOf(labels, count)));
    }

    private void ensureCapacity(int required) {
        if (required < 0) {
            throw new IllegalStateException("more than " + Integer.MAX_VALUE + " pairs");
        }
        if (required <= predictions.length) {
            return;
        }
        int capacity =
                (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(required, 2L * predictions.length));
        predictions = Arrays.copyOf(predictions, capacity);
        labels = Arrays.copyOf(labels, capacity);
    }
}
