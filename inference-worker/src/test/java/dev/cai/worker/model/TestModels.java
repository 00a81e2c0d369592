package dev.cai.worker.model;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** SavedModels with known functions, built with the TensorFlow Java API for tests. */
final class TestModels {

    static final float MAGNITUDE_WEIGHT = 0.01f;
    static final float IMAGE_WEIGHT = 2f;

    private TestModels() {}

    /**
     * Exports a model whose signature lists {@code magnitudes} (N, 5) before {@code images} (N, 5,
     * 16, 16), with outputs {@code other = -mean(images)} and {@code redshift = 0.01 *
     * sum(magnitudes) + 2 * mean(images)}, both (N, 1).
     */
    static void exportTwoOutputModel(Path dir) throws IOException {
        Engine.getEngine("TensorFlow");
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> magnitudes =
                    tf.withName("mags_in")
                            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5)));
            Placeholder<TFloat32> images =
                    tf.withName("images_in")
                            .placeholder(
                                    TFloat32.class, Placeholder.shape(Shape.of(-1, 5, 16, 16)));
            Operand<TFloat32> magnitudeSum =
                    tf.sum(magnitudes, tf.constant(new int[] {1}), Sum.keepDims(true));
            Operand<TFloat32> imageMean =
                    tf.reshape(
                            tf.math.mean(
                                    images, tf.constant(new int[] {1, 2, 3}), Mean.keepDims(true)),
                            tf.constant(new int[] {-1, 1}));
            Operand<TFloat32> redshift =
                    tf.math.add(
                            tf.math.mul(magnitudeSum, tf.constant(MAGNITUDE_WEIGHT)),
                            tf.math.mul(imageMean, tf.constant(IMAGE_WEIGHT)));
            Operand<TFloat32> other = tf.math.neg(imageMean);
            export(
                    dir,
                    graph,
                    Signature.builder()
                            .key(Signature.DEFAULT_KEY)
                            .input("magnitudes", magnitudes)
                            .input("images", images)
                            .output("other", other)
                            .output("redshift", redshift)
                            .build());
        }
    }

    /** Exports a model with one input {@code flux} (N, 3) and one output {@code z = sum}. */
    static void exportSingleOutputModel(Path dir) throws IOException {
        Engine.getEngine("TensorFlow");
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> flux =
                    tf.withName("flux")
                            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Operand<TFloat32> total = tf.sum(flux, tf.constant(new int[] {1}), Sum.keepDims(true));
            export(
                    dir,
                    graph,
                    Signature.builder()
                            .key(Signature.DEFAULT_KEY)
                            .input("flux", flux)
                            .output("z", total)
                            .build());
        }
    }

    private static void export(Path dir, Graph graph, Signature signature) throws IOException {
        try (Session session = new Session(graph)) {
            SavedModelBundle.exporter(dir.toString())
                    .withSession(session)
                    .withSignature(signature)
                    .export();
        }
    }

    static List<String> names(List<SignatureInput> inputs) {
        return inputs.stream().map(SignatureInput::name).toList();
    }
}
