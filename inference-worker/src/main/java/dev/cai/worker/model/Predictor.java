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

    /**
     * Checks, before any batch is read, that a dataset with these arrays fits the model. The
     * default accepts any dataset that has the required arrays.
     *
     * @param arrayShapes dataset array name to its full shape, rows first
     * @throws ModelSignatureException when the dataset cannot fit, naming both sides
     */
    default void checkDataset(Map<String, long[]> arrayShapes) {
        for (String name : requiredArrays()) {
            if (!arrayShapes.containsKey(name)) {
                throw new ModelSignatureException(
                        "the model needs dataset array '"
                                + name
                                + "', but the dataset has only "
                                + arrayShapes.keySet());
            }
        }
    }

    @Override
    void close();
}
