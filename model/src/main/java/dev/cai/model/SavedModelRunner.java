package dev.cai.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs an exported redshift SavedModel through the TensorFlow Java API, for evaluation inside the
 * model module. The worker loads the same files through DJL instead. Not thread-safe.
 */
public final class SavedModelRunner implements AutoCloseable {

    private static final int BATCH = 256;

    private final SavedModelBundle bundle;
    private final SessionFunction function;

    /** Predictions for N rows; {@code sigma} is present when the model has that output. */
    public record Outputs(float[] redshift, Optional<float[]> sigma) {}

    private SavedModelRunner(SavedModelBundle bundle) {
        this.bundle = bundle;
        this.function = bundle.function("serving_default");
    }

    /**
     * Loads the SavedModel in {@code dir} with the {@code serve} tag.
     *
     * @throws IllegalArgumentException when {@code dir} has no {@code saved_model.pb}
     */
    public static SavedModelRunner load(Path dir) {
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(
                    "no saved_model.pb in " + dir + ": expected a SavedModel folder");
        }
        return new SavedModelRunner(SavedModelBundle.load(dir.toString(), "serve"));
    }

    public boolean hasSigma() {
        return function.signature().outputNames().contains(SavedModelExporter.REDSHIFT_SIGMA);
    }

    /**
     * Predicts every row.
     *
     * @param images (N, 5, 32, 32) nanomaggies
     * @param magnitudes (N, 5) AB magnitudes
     */
    public Outputs predict(float[] images, float[] magnitudes) {
        int rows = magnitudes.length / RedshiftNetwork.BANDS;
        int stamp = LabelledData.STAMP_VALUES;
        float[] redshift = new float[rows];
        float[] sigma = hasSigma() ? new float[rows] : null;
        for (int start = 0; start < rows; start += BATCH) {
            int n = Math.min(BATCH, rows - start);
            float[] batchImages = new float[n * stamp];
            float[] batchMagnitudes = new float[n * RedshiftNetwork.BANDS];
            System.arraycopy(images, start * stamp, batchImages, 0, n * stamp);
            System.arraycopy(
                    magnitudes,
                    start * RedshiftNetwork.BANDS,
                    batchMagnitudes,
                    0,
                    n * RedshiftNetwork.BANDS);
            int size = RedshiftNetwork.IMAGE_SIZE;
            try (TFloat32 imageTensor =
                            TFloat32.tensorOf(
                                    Shape.of(n, RedshiftNetwork.BANDS, size, size),
                                    DataBuffers.of(batchImages, true, false));
                    TFloat32 magnitudeTensor =
                            TFloat32.tensorOf(
                                    Shape.of(n, RedshiftNetwork.BANDS),
                                    DataBuffers.of(batchMagnitudes, true, false));
                    Result result =
                            function.call(
                                    Map.<String, Tensor>of(
                                            SavedModelExporter.IMAGES, imageTensor,
                                            SavedModelExporter.MAGNITUDES, magnitudeTensor))) {
                copyColumn(result, SavedModelExporter.REDSHIFT, redshift, start, n);
                if (sigma != null) {
                    copyColumn(result, SavedModelExporter.REDSHIFT_SIGMA, sigma, start, n);
                }
            }
        }
        return new Outputs(redshift, Optional.ofNullable(sigma));
    }

    private static void copyColumn(Result result, String name, float[] out, int start, int n) {
        TFloat32 tensor =
                (TFloat32)
                        result.get(name)
                                .orElseThrow(
                                        () ->
                                                new IllegalStateException(
                                                        "the SavedModel returned no output '"
                                                                + name
                                                                + "'"));
        float[] values = new float[n];
        tensor.copyTo(DataBuffers.of(values, false, false));
        System.arraycopy(values, 0, out, start, n);
    }

    @Override
    public void close() {
        bundle.close();
    }
}
