package dev.cai.job;

import java.util.Arrays;

/**
 * Standard photometric-redshift quality metrics of predicted against spectroscopic redshifts.
 *
 * <p>With {@code dz = (z_pred - z_true) / (1 + z_true)}, the normalised residual:
 *
 * @param count number of (prediction, label) pairs
 * @param mae mean absolute error {@code mean(|z_pred - z_true|)}, in redshift units (not normalised
 *     by {@code 1 + z_true})
 * @param bias mean normalised residual {@code mean(dz)}, dimensionless; positive means predictions
 *     are too high
 * @param nmad normalised median absolute deviation {@code 1.4826 * median(|dz - median(dz)|)},
 *     dimensionless
 * @param outlierFraction fraction of pairs with {@code |dz| > 0.15}, between 0 and 1
 * @param r2 coefficient of determination {@code 1 - SS_res / SS_tot} on {@code z} itself; NaN when
 *     every label is the same value, because SS_tot is then 0
 */
public record PhotoZMetrics(
        long count, double mae, double bias, double nmad, double outlierFraction, double r2) {

    /** Scale factor that makes the MAD of a normal distribution equal its standard deviation. */
    public static final double NMAD_SCALE = 1.4826;

    /** Catastrophic-outlier threshold on {@code |dz|}. */
    public static final double OUTLIER_THRESHOLD = 0.15;

    /**
     * Computes the metrics of {@code zPred} against {@code zTrue}, pair by pair. Sums are
     * compensated and medians are exact (sorted copies), so the result does not depend on order.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty, or a value is
     *     not finite, or a label is at or below -1 (where {@code 1 + z_true} is not positive)
     */
    public static PhotoZMetrics compute(float[] zPred, float[] zTrue) {
        validate(zPred, zTrue);
        int n = zPred.length;
        double[] dz = new double[n];
        Sums absError = new Sums();
        Sums dzSum = new Sums();
        Sums labelSum = new Sums();
        long outliers = 0;
        for (int i = 0; i < n; i++) {
            double error = (double) zPred[i] - zTrue[i];
            dz[i] = error / (1.0 + zTrue[i]);
            absError.add(Math.abs(error));
            dzSum.add(dz[i]);
            labelSum.add(zTrue[i]);
            if (Math.abs(dz[i]) > OUTLIER_THRESHOLD) {
                outliers++;
            }
        }
        double r2 = rSquared(zPred, zTrue, labelSum.value() / n);
        return new PhotoZMetrics(
                n, absError.value() / n, dzSum.value() / n, nmad(dz), (double) outliers / n, r2);
    }

    private static void validate(float[] zPred, float[] zTrue) {
        if (zPred.length != zTrue.length) {
            throw new IllegalArgumentException(
                    "predictions and labels differ in length: "
                            + zPred.length
                            + " predictions, "
                            + zTrue.length
                            + " labels");
        }
        if (zPred.length == 0) {
            throw new IllegalArgumentException("no predictions: at least one pair is required");
        }
        for (int i = 0; i < zPred.length; i++) {
            if (!Float.isFinite(zPred[i]) || !Float.isFinite(zTrue[i])) {
                throw new IllegalArgumentException(
                        "pair "
                                + i
                                + " is not finite: z_pred="
                                + zPred[i]
                                + ", z_true="
                                + zTrue[i]);
            }
            if (zTrue[i] <= -1f) {
                throw new IllegalArgumentException(
                        "label "
                                + i
                                + " is "
                                + zTrue[i]
                                + ": z_true must be greater than -1 so that 1 + z_true is"
                                + " positive");
            }
        }
    }

    /** Two-pass R²: the label mean first, then squared deviations from it. */
    private static double rSquared(float[] zPred, float[] zTrue, double labelMean) {
        Sums residual = new Sums();
        Sums total = new Sums();
        for (int i = 0; i < zPred.length; i++) {
            double error = (double) zPred[i] - zTrue[i];
            double deviation = zTrue[i] - labelMean;
            residual.add(error * error);
            total.add(deviation * deviation);
        }
        double ssTot = total.value();
        return ssTot == 0.0 ? Double.NaN : 1.0 - residual.value() / ssTot;
    }

    private static double nmad(double[] dz) {
        double center = median(dz.clone());
        double[] deviations = new double[dz.length];
        for (int i = 0; i < dz.length; i++) {
            deviations[i] = Math.abs(dz[i] - center);
        }
        return NMAD_SCALE * median(deviations);
    }

    /** Returns the exact median, the mean of the two middle values when the count is even. */
    static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        if (values.length % 2 == 1) {
            return values[middle];
        }
        return (values[middle - 1] + values[middle]) / 2.0;
    }
}
