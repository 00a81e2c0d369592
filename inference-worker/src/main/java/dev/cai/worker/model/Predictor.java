package dev.cai.worker.model;

import java.util.Map;
import java.util.Set;

/**
 * A loaded model that turns batches of dataset arrays into redshifts. Not thread-safe: use one per
 * thread.
 */
public interface Predictor extends AutoCloseable {

    /** Returns the dataset arrays that {@link #predict} needs, by canonical dataset name. */
    Set<String> requiredArrays();

    /**
     * Predicts one batch.
     *
     * @param inputs dataset arrays by canonical name ({@code images} as (B, bands, H, W), {@code
     *     magnitudes} as (B, bands)), in float32 as stored; the predictor crops and reorders to
     *     what its signature expects
     */
    Predictions predict(Map<String, FloatTensor> inputs);

    @Override
    void close();
}
