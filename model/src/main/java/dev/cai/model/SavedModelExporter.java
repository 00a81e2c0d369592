package dev.cai.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

/**
 * Writes a trained {@link RedshiftNetwork} as a TensorFlow SavedModel with one {@code
 * serving_default} signature: inputs {@code images} (N, 5, 32, 32) float32 and {@code magnitudes}
 * (N, 5) float32, outputs {@code redshift} (N, 1) and, when requested, {@code redshift_sigma} (N,
 * 1).
 */
public final class SavedModelExporter {

    public static final String IMAGES = "images";
    public static final String MAGNITUDES = "magnitudes";
    public static final String REDSHIFT = "redshift";
    public static final String REDSHIFT_SIGMA = "redshift_sigma";

    private SavedModelExporter() {}

    /**
     * Exports the inference graph only (no loss, gradients or optimizer state) into {@code dir},
     * replacing an earlier {@code saved_model.pb} and {@code variables/} there.
     */
    static void export(
            Path dir,
            Normalisation normalisation,
            Map<String, float[]> weights,
            boolean withSigma) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve("saved_model.pb"));
            deleteTree(dir.resolve("variables"));
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                RedshiftNetwork.Graph network = RedshiftNetwork.build(tf, normalisation, weights);
                Signature.Builder signature =
                        Signature.builder()
                                .key(Signature.DEFAULT_KEY)
                                .input(IMAGES, network.images())
                                .input(MAGNITUDES, network.magnitudes())
                                .output(REDSHIFT, network.redshift());
                if (withSigma) {
                    signature.output(REDSHIFT_SIGMA, network.sigma());
                }
                try (Session session = new Session(graph)) {
                    session.initialize();
                    SavedModelBundle.exporter(dir.toString())
                            .withSession(session)
                            .withSignature(signature.build())
                            .export();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to export the SavedModel to " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
