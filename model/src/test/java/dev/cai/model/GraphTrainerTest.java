package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphTrainerTest {

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("TensorFlow");
    }

    @Test
    void step_fewAdamSteps_lowerTheLoss() {
        LabelledData batch = TestData.synthetic(128, 5);
        Normalisation normalisation =
                Normalisation.fit(batch.images(), batch.magnitudes(), batch.redshifts());

        try (GraphTrainer trainer = new GraphTrainer(normalisation, 7)) {
            double before = trainer.loss(batch);
            for (int step = 1; step <= 30; step++) {
                trainer.step(batch, step, 3e-3f);
            }
            double after = trainer.loss(batch);

            assertThat(after).isLessThan(before - 0.1);
        }
    }

    @Test
    void weights_afterSteps_differFromInitialValues() {
        LabelledData batch = TestData.synthetic(32, 6);
        Normalisation normalisation =
                Normalisation.fit(batch.images(), batch.magnitudes(), batch.redshifts());

        try (GraphTrainer trainer = new GraphTrainer(normalisation, 7)) {
            float[] initial = trainer.weights().get("stem/kernel");
            trainer.step(batch, 1, 1e-2f);

            assertThat(trainer.weights().get("stem/kernel")).isNotEqualTo(initial);
            assertThat(initial).isEqualTo(RedshiftNetwork.initialValues(7).get("stem/kernel"));
        }
    }
}
