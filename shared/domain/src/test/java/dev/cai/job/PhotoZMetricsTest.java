package dev.cai.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PhotoZMetricsTest {

    // z_true = 0, 1, 0.5 and z_pred = 0.25, 0.5, 0.5, so z_pred - z_true = 0.25, -0.5, 0 and
    // dz = 0.25 / 1, -0.5 / 2, 0 / 1.5 = 0.25, -0.25, 0.
    private static final float[] TRUE = {0.0f, 1.0f, 0.5f};
    private static final float[] PRED = {0.25f, 0.5f, 0.5f};

    @Test
    void compute_threePairs_maeIsMeanAbsoluteError() {
        assertThat(PhotoZMetrics.compute(PRED, TRUE).mae()).isCloseTo(0.75 / 3, within(1e-12));
    }

    @Test
    void compute_threePairs_biasIsMeanNormalisedResidual() {
        assertThat(PhotoZMetrics.compute(PRED, TRUE).bias()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void compute_threePairs_nmadScalesMedianAbsoluteDeviation() {
        // median(dz) = 0, |dz - 0| = 0.25, 0.25, 0, whose median is 0.25.
        assertThat(PhotoZMetrics.compute(PRED, TRUE).nmad())
                .isCloseTo(1.4826 * 0.25, within(1e-12));
    }

    @Test
    void compute_threePairs_outliersAboveThreshold() {
        assertThat(PhotoZMetrics.compute(PRED, TRUE).outlierFraction())
                .isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void compute_threePairs_r2FromSumsOfSquares() {
        // mean(z_true) = 0.5, SS_tot = 0.25 + 0.25 + 0 = 0.5, SS_res = 0.0625 + 0.25 + 0 = 0.3125.
        assertThat(PhotoZMetrics.compute(PRED, TRUE).r2())
                .isCloseTo(1.0 - 0.3125 / 0.5, within(1e-12));
    }

    @Test
    void compute_threePairs_countsPairs() {
        assertThat(PhotoZMetrics.compute(PRED, TRUE).count()).isEqualTo(3);
    }

    @Test
    void compute_evenCount_medianAveragesMiddleValues() {
        // dz = 0.5, 0.25, 0, -0.25 has median 0.125; deviations 0.375, 0.125, 0.125, 0.375.
        float[] labels = {0f, 0f, 0f, 0f};
        float[] predictions = {0.5f, 0.25f, 0f, -0.25f};
        assertThat(PhotoZMetrics.compute(predictions, labels).nmad())
                .isCloseTo(1.4826 * 0.25, within(1e-12));
    }

    @Test
    void compute_perfectPredictions_r2IsOne() {
        float[] labels = {0.1f, 0.4f, 0.9f};
        assertThat(PhotoZMetrics.compute(labels.clone(), labels).r2()).isEqualTo(1.0);
    }

    @Test
    void compute_constantLabels_r2IsNaN() {
        assertThat(PhotoZMetrics.compute(new float[] {0.1f, 0.3f}, new float[] {0.2f, 0.2f}).r2())
                .isNaN();
    }

    @Test
    void compute_outlierExactlyAtThreshold_notCounted() {
        // dz = 0.375 / 2.5 = 0.15 exactly in binary floating point.
        float[] labels = {1.5f};
        float[] predictions = {1.875f};
        assertThat(PhotoZMetrics.compute(predictions, labels).outlierFraction()).isZero();
    }

    @Test
    void compute_twoMillionPairs_biasKeepsPrecision() {
        int n = 2_000_000;
        float[] labels = new float[n];
        float[] predictions = new float[n];
        java.util.Arrays.fill(predictions, 0.1f);
        assertThat(PhotoZMetrics.compute(predictions, labels).bias())
                .isCloseTo((double) 0.1f, within(1e-15));
    }

    @Test
    void compute_lengthsDiffer_rejected() {
        assertThatThrownBy(() -> PhotoZMetrics.compute(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 predictions, 3 labels");
    }

    @Test
    void compute_empty_rejected() {
        assertThatThrownBy(() -> PhotoZMetrics.compute(new float[0], new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compute_nanPrediction_rejectedNamingPair() {
        assertThatThrownBy(
                        () ->
                                PhotoZMetrics.compute(
                                        new float[] {0f, Float.NaN}, new float[] {0f, 0f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pair 1");
    }

    @Test
    void compute_labelMinusOne_rejected() {
        assertThatThrownBy(() -> PhotoZMetrics.compute(new float[] {0f}, new float[] {-1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than -1");
    }

    @Test
    void accumulator_chunks_matchOneCall() {
        Random random = new Random(7);
        float[] labels = new float[1001];
        float[] predictions = new float[1001];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextFloat();
            predictions[i] = labels[i] + (float) (random.nextGaussian() * 0.05);
        }
        PhotoZAccumulator accumulator = new PhotoZAccumulator();
        for (int start = 0; start < labels.length; start += 300) {
            int end = Math.min(labels.length, start + 300);
            accumulator.add(
                    java.util.Arrays.copyOfRange(predictions, start, end),
                    java.util.Arrays.copyOfRange(labels, start, end));
        }
        assertThat(accumulator.metrics()).contains(PhotoZMetrics.compute(predictions, labels));
    }

    @Test
    void accumulator_nothingAdded_empty() {
        assertThat(new PhotoZAccumulator().metrics()).isEmpty();
    }

    @Test
    void accumulator_chunkLengthsDiffer_rejected() {
        assertThatThrownBy(() -> new PhotoZAccumulator().add(new float[1], new float[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
