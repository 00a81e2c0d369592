package dev.cai.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one training run.
 *
 * @param catalog SkyServer CSV with u, g, r, i, z, class and redshift columns
 * @param out folder for the SavedModel, {@code metrics.json}, {@code metrics.md} and {@code
 *     reference.json}
 * @param seed seed of the split, the rendered images, the initial weights and the batch order
 * @param maxEpochs upper bound on passes over the training split
 * @param patience epochs without a lower validation loss before training stops
 * @param batchSize training rows per Adam step
 * @param learningRate Adam step size
 */
public record TrainingOptions(
        Path catalog,
        Path out,
        long seed,
        int maxEpochs,
        int patience,
        int batchSize,
        float learningRate) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_MAX_EPOCHS = 60;

    public TrainingOptions {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(out, "out");
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "invalid training options: maxEpochs "
                            + maxEpochs
                            + ", patience "
                            + patience
                            + ", batchSize "
                            + batchSize
                            + " must all be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "invalid learning rate " + learningRate + ": expected > 0");
        }
    }

    /** Returns the defaults: seed 42, at most 60 epochs, patience 8, batches of 64, step 1e-3. */
    public static TrainingOptions defaults(Path catalog, Path out) {
        return new TrainingOptions(catalog, out, DEFAULT_SEED, DEFAULT_MAX_EPOCHS, 8, 64, 1e-3f);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(
                catalog, out, newSeed, maxEpochs, patience, batchSize, learningRate);
    }

    public TrainingOptions withMaxEpochs(int epochs) {
        return new TrainingOptions(catalog, out, seed, epochs, patience, batchSize, learningRate);
    }
}
