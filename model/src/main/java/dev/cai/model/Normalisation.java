package dev.cai.model;

/**
 * Input and target scaling constants learned from the training split and baked into the graph as
 * constants, so the SavedModel takes raw nanomaggies and AB magnitudes.
 *
 * @param magnitudeMean mean of u, g, r, i, z
 * @param magnitudeStd standard deviation of u, g, r, i, z
 * @param colourMean mean of u-g, g-r, r-i, i-z
 * @param colourStd standard deviation of u-g, g-r, r-i, i-z
 * @param pixelMean mean of {@code asinh(pixel / softening)} over all training pixels
 * @param pixelStd standard deviation of the same
 * @param redshiftMean mean training redshift; the network predicts {@code (z - mean) / std}
 * @param redshiftStd standard deviation of the training redshifts
 */
public record Normalisation(
        float[] magnitudeMean,
        float[] magnitudeStd,
        float[] colourMean,
        float[] colourStd,
        float pixelMean,
        float pixelStd,
        float redshiftMean,
        float redshiftStd) {

    /**
     * Computes the constants from training rows.
     *
     * @param images (N, 5, S, S) in nanomaggies
     * @param magnitudes (N, 5) AB magnitudes
     * @param redshifts (N,) labels
     */
    static Normalisation fit(float[] images, float[] magnitudes, float[] redshifts) {
        int rows = redshifts.length;
        double[][] bands = new double[5][rows];
        double[][] colours = new double[4][rows];
        for (int row = 0; row < rows; row++) {
            for (int band = 0; band < 5; band++) {
                bands[band][row] = magnitudes[row * 5 + band];
            }
            for (int c = 0; c < 4; c++) {
                colours[c][row] = magnitudes[row * 5 + c] - magnitudes[row * 5 + c + 1];
            }
        }

        double[] pixels = new double[images.length];
        for (int p = 0; p < images.length; p++) {
            pixels[p] = asinh(images[p] / RedshiftNetwork.PIXEL_SOFTENING);
        }
        double[] labels = new double[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = redshifts[row];
        }

        return new Normalisation(
                means(bands),
                stds(bands),
                means(colours),
                stds(colours),
                (float) mean(pixels),
                (float) std(pixels),
                (float) mean(labels),
                (float) std(labels));
    }

    private static float[] means(double[][] columns) {
        float[] out = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = (float) mean(columns[i]);
        }
        return out;
    }

    private static float[] stds(double[][] columns) {
        float[] out = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = (float) std(columns[i]);
        }
        return out;
    }

    static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.max(Math.sqrt(sum / values.length), 1e-6);
    }
}
