package dev.cai.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Exports a tiny SavedModel with the TensorFlow Java API and reloads it through DJL. */
class SavedModelRoundTripTest {

    @TempDir Path dir;

    @Test
    void export_affineGraph_reloadsThroughDjl() throws Exception {
        assertThat(Engine.getEngine("TensorFlow").getVersion()).startsWith("2.16");
        exportAffine(dir, 2f, 1f);

        Criteria<NDList, NDList> criteria =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(dir)
                        .optEngine("TensorFlow")
                        .optTranslator(new NoopTranslator())
                        .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("TensorFlow")) {
            NDArray x =
                    manager.create(
                            new float[] {0f, 1f, 2f, 3f, 4f, 5f},
                            new ai.djl.ndarray.types.Shape(2, 3));
            x.setName("x");
            NDList out = predictor.predict(new NDList(x));

            assertThat(out.singletonOrThrow().toFloatArray())
                    .containsExactly(1f, 3f, 5f, 7f, 9f, 11f);
        }
    }

    /** Writes y = x * scale + offset, with offset stored as a variable so the export saves one. */
    private static void exportAffine(Path target, float scale, float offset) throws Exception {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x =
                    tf.withName("x")
                            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Variable<TFloat32> bias = tf.withName("bias").variable(tf.constant(offset));
            var y =
                    tf.withName("y")
                            .identity(tf.math.add(tf.math.mul(x, tf.constant(scale)), bias));
            try (Session session = new Session(graph)) {
                session.initialize();
                Signature signature =
                        Signature.builder()
                                .key(Signature.DEFAULT_KEY)
                                .input("x", x)
                                .output("y", y)
                                .build();
                SavedModelBundle.exporter(target.toString())
                        .withSession(session)
                        .withSignature(signature)
                        .export();
            }
        }
    }
}
