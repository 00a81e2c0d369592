package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KnnBaselineTest {

    private static final float[] TRAIN_MAGNITUDES = {
        19f, 18f, 17f, 16.5f, 16.2f,
        21f, 19f, 17.5f, 16.8f, 16.4f,
        20f, 18.5f, 17.8f, 17.4f, 17.2f,
    };
    private static final float[] TRAIN_REDSHIFTS = {0.05f, 0.30f, 0.12f};

    @Test
    void predict_kOne_returnsNearestRedshift() {
        KnnBaseline baseline = new KnnBaseline(1, TRAIN_MAGNITUDES, TRAIN_REDSHIFTS);
        float[] query = {21.1f, 19.05f, 17.45f, 16.8f, 16.35f};

        assertThat(baseline.predict(query)).containsExactly(0.30f);
    }

    @Test
    void predict_kAll_returnsMeanRedshift() {
        KnnBaseline baseline = new KnnBaseline(3, TRAIN_MAGNITUDES, TRAIN_REDSHIFTS);
        float[] query = {19f, 18f, 17f, 16.5f, 16.2f};

        assertThat(baseline.predict(query)[0]).isCloseTo(0.47f / 3, within(1e-6f));
    }
}
