package dev.cai.model;

import dev.cai.job.PhotoZMetrics;
import java.nio.file.Path;

/**
 * The outcome of {@link ModelTrainer#train}: held-out test metrics of the model, of the model with
 * every image pixel set to 0, and of the k-nearest-neighbour baseline.
 *
 * @param modelDir folder with the exported SavedModel and the metric files
 * @param model test metrics of the exported model
 * @param zeroedImages test metrics of the exported model with all-zero images
 * @param baseline test metrics of the kNN baseline on colours and r magnitude
 * @param sigmaExported whether the SavedModel has the {@code redshift_sigma} output
 * @param sigmaCoverage fraction of test galaxies with {@code |z_pred - z_true| < sigma}; NaN when
 *     the model has no sigma output
 * @param epochsRun epochs trained before early stopping
 * @param bestEpoch epoch whose weights were exported
 * @param flopsPerSample forward-pass FLOPs of one sample (multiply-add counted as 2)
 * @param parameters trainable parameter count
 * @param seconds wall-clock time of the whole run
 */
public record TrainingReport(
        Path modelDir,
        PhotoZMetrics model,
        PhotoZMetrics zeroedImages,
        PhotoZMetrics baseline,
        boolean sigmaExported,
        double sigmaCoverage,
        int epochsRun,
        int bestEpoch,
        long flopsPerSample,
        long parameters,
        double seconds) {

    /** Returns whether the model beats the baseline on both NMAD and outlier fraction. */
    public boolean beatsBaseline() {
        return model.nmad() < baseline.nmad()
                && model.outlierFraction() <= baseline.outlierFraction();
    }
}
