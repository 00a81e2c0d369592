package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelExporterTest {

    @TempDir Path dir;

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("TensorFlow");
    }

    @Test
    void export_withSigma_reloadsAndPredictsEveryRow() {
        LabelledData data = TestData.synthetic(300, 8);
        Normalisation normalisation =
                Normalisation.fit(data.images(), data.magnitudes(), data.redshifts());
        SavedModelExporter.export(dir, normalisation, RedshiftNetwork.initialValues(2), true);

        try (SavedModelRunner runner = SavedModelRunner.load(dir)) {
            SavedModelRunner.Outputs outputs = runner.predict(data.images(), data.magnitudes());

            assertThat(outputs.redshift()).hasSize(300);
            assertThat(outputs.sigma()).isPresent();
            for (float sigma : outputs.sigma().get()) {
                assertThat(sigma).isPositive();
            }
        }
    }

    @Test
    void export_withoutSigma_hasOnlyRedshift() {
        SavedModelExporter.export(
                dir, TestData.normalisation(), RedshiftNetwork.initialValues(2), false);

        try (SavedModelRunner runner = SavedModelRunner.load(dir)) {
            assertThat(runner.hasSigma()).isFalse();
        }
    }

    @Test
    void export_twice_replacesTheModel() {
        Normalisation normalisation = TestData.normalisation();
        LabelledData data = TestData.synthetic(4, 9);
        SavedModelExporter.export(dir, normalisation, RedshiftNetwork.initialValues(2), true);
        float[] first;
        try (SavedModelRunner runner = SavedModelRunner.load(dir)) {
            first = runner.predict(data.images(), data.magnitudes()).redshift();
        }

        SavedModelExporter.export(dir, normalisation, RedshiftNetwork.initialValues(3), true);

        try (SavedModelRunner runner = SavedModelRunner.load(dir)) {
            assertThat(runner.predict(data.images(), data.magnitudes()).redshift())
                    .isNotEqualTo(first);
        }
    }
}
