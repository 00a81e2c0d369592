package dev.cai.model;

import java.util.Arrays;

/**
 * The k-nearest-neighbour baseline: the mean redshift of the k training galaxies nearest in (u-g,
 * g-r, r-i, i-z, r), each feature standardised with the training mean and standard deviation.
 */
final class KnnBaseline {

    static final int DEFAULT_K = 15;
    private static final int FEATURES = 5;

    private final int k;
    private final float[] features;
    private final float[] redshifts;
    private final double[] mean = new double[FEATURES];
    private final double[] std = new double[FEATURES];

    KnnBaseline(int k, float[] trainMagnitudes, float[] trainRedshifts) {
        this.k = k;
        this.redshifts = trainRedshifts.clone();
        float[] raw = features(trainMagnitudes);
        int rows = trainRedshifts.length;
        for (int f = 0; f < FEATURES; f++) {
            double sum = 0;
            double squares = 0;
            for (int row = 0; row < rows; row++) {
                sum += raw[row * FEATURES + f];
                squares += (double) raw[row * FEATURES + f] * raw[row * FEATURES + f];
            }
            mean[f] = sum / rows;
            std[f] = Math.max(Math.sqrt(squares / rows - mean[f] * mean[f]), 1e-6);
        }
        this.features = standardise(raw);
    }

    /** Predicts each row of {@code magnitudes} (N, 5). */
    float[] predict(float[] magnitudes) {
        float[] query = standardise(features(magnitudes));
        int rows = magnitudes.length / 5;
        int trainRows = redshifts.length;
        float[] predictions = new float[rows];
        double[] distances = new double[trainRows];
        Integer[] order = new Integer[trainRows];
        for (int row = 0; row < rows; row++) {
            for (int t = 0; t < trainRows; t++) {
                double sum = 0;
                for (int f = 0; f < FEATURES; f++) {
                    double d = query[row * FEATURES + f] - features[t * FEATURES + f];
                    sum += d * d;
                }
                distances[t] = sum;
                order[t] = t;
            }
            Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += redshifts[order[i]];
            }
            predictions[row] = (float) (sum / k);
        }
        return predictions;
    }

    private static float[] features(float[] magnitudes) {
        int rows = magnitudes.length / 5;
        float[] out = new float[rows * FEATURES];
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < 4; c++) {
                out[row * FEATURES + c] = magnitudes[row * 5 + c] - magnitudes[row * 5 + c + 1];
            }
            out[row * FEATURES + 4] = magnitudes[row * 5 + 2];
        }
        return out;
    }

    private float[] standardise(float[] raw) {
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int f = i % FEATURES;
            out[i] = (float) ((raw[i] - mean[f]) / std[f]);
        }
        return out;
    }
}
