package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class RedshiftNetworkTest {

    @Test
    void parameterCount_matchesLayerShapes() {
        long stem = 3 * 3 * 5 * 8 + 8;
        long branches = (1 + 9 + 25) * 8 * 8 + 3 * 8;
        long dense = (9 * 32 + 32) + (32 * 32 + 32) + (56 * 32 + 32) + 2 * (32 + 1);

        assertThat(RedshiftNetwork.parameterCount()).isEqualTo(stem + branches + dense);
    }

    @Test
    void flopsPerSample_countsConvolutionsAndDenseLayers() {
        long stem = 2L * 32 * 32 * 3 * 3 * 5 * 8 + 32 * 32 * 8;
        long branches = 2L * 16 * 16 * (1 + 9 + 25) * 8 * 8 + 3 * 16 * 16 * 8;
        long dense = 2L * (9 * 32 + 32 * 32 + 56 * 32 + 32 + 32) + (32 + 32 + 32 + 1 + 1);

        assertThat(RedshiftNetwork.flopsPerSample()).isEqualTo(stem + branches + dense);
    }

    @Test
    void build_graphVariables_holdEveryParameter() {
        Engine.getEngine("TensorFlow");
        try (Graph graph = new Graph()) {
            RedshiftNetwork.Graph network =
                    RedshiftNetwork.build(
                            Ops.create(graph),
                            TestData.normalisation(),
                            RedshiftNetwork.initialValues(1));

            long total =
                    network.variables().stream()
                            .mapToLong(variable -> variable.shape().size())
                            .sum();

            assertThat(total).isEqualTo(RedshiftNetwork.parameterCount());
        }
    }
}
