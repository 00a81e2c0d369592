package dev.cai.worker.model;

import java.util.Optional;

/**
 * One batch of model outputs, one value per input row.
 *
 * @param redshift the point estimate
 * @param sigma the model's uncertainty, where the model has that output
 */
public record Predictions(float[] redshift, Optional<float[]> sigma) {}
