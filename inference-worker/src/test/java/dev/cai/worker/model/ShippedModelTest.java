package dev.cai.worker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cai.model.ReferencePredictions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Runs the SavedModel shipped in {@code model/saved-model} through the worker's predictor. */
class ShippedModelTest {

    private static final Path ROOT = Path.of(System.getProperty("cai.repository.root", "."));
    private static final Path MODEL = ROOT.resolve("model/saved-model");
    private static final Path SDSS_STAMPS =
            ROOT.resolve("../shared/data/sdss-cutouts/sdss-001035-6-0017.npz").normalize();

    @Test
    void predict_referenceGalaxies_matchExportTimeOutputs() throws IOException {
        JsonNode reference =
                new ObjectMapper().readTree(MODEL.resolve(ReferencePredictions.FILE_NAME).toFile());
        JsonNode galaxies = reference.get("galaxies");
        int rows = galaxies.size();
        int stamp = 5 * 64 * 64;
        float[] images = new float[rows * stamp];
        float[] magnitudes = new float[rows * 5];
        for (int row = 0; row < rows; row++) {
            float[] galaxy = floats(galaxies.get(row).get("magnitudes"));
            long seed = galaxies.get(row).get("seed").asLong();
            System.arraycopy(
                    ReferencePredictions.renderStamp(galaxy, seed), 0, images, row * stamp, stamp);
            System.arraycopy(galaxy, 0, magnitudes, row * 5, 5);
        }

        try (SavedModelPredictor predictor = SavedModelPredictor.load(MODEL, Map.of())) {
            Predictions predictions =
                    predictor.predict(
                            Map.of(
                                    "images", new FloatTensor(images, new long[] {rows, 5, 64, 64}),
                                    "magnitudes",
                                            new FloatTensor(magnitudes, new long[] {rows, 5})));

            float[] expected = floats(reference.get("redshift"));
            for (int row = 0; row < rows; row++) {
                assertThat(predictions.redshift()[row])
                        .as("redshift of row %d", row)
                        .isCloseTo(expected[row], within(1e-5f));
            }
            assertThat(predictions.sigma()).isPresent();
            assertThat(predictions.sigma().get())
                    .containsExactly(floats(reference.get("redshift_sigma")), within(1e-5f));
        }
    }

    @Test
    void load_shippedModel_declaresImagesAndMagnitudes() {
        try (SavedModelPredictor predictor = SavedModelPredictor.load(MODEL, Map.of())) {
            assertThat(predictor.signatureInputs())
                    .containsExactlyInAnyOrder(
                            new SignatureInput("images", new long[] {-1, 5, 32, 32}, "DT_FLOAT"),
                            new SignatureInput("magnitudes", new long[] {-1, 5}, "DT_FLOAT"));
            assertThat(predictor.hasSigma()).isTrue();
        }
    }

    @Test
    void predict_realSdssStamps_givesFiniteRedshifts() throws IOException {
        assumeTrue(Files.exists(SDSS_STAMPS), "missing " + SDSS_STAMPS + ": real SDSS stamps");
        float[] images = readFloats(SDSS_STAMPS, "images.npy");
        float[] magnitudes = readFloats(SDSS_STAMPS, "magnitudes.npy");
        int rows = magnitudes.length / 5;
        float[] redshifts = new float[rows];

        try (SavedModelPredictor predictor = SavedModelPredictor.load(MODEL, Map.of())) {
            for (int start = 0; start < rows; start += 64) {
                int n = Math.min(64, rows - start);
                float[] batchImages =
                        Arrays.copyOfRange(images, start * 5 * 64 * 64, (start + n) * 5 * 64 * 64);
                float[] batchMagnitudes =
                        Arrays.copyOfRange(magnitudes, start * 5, (start + n) * 5);
                Predictions predictions =
                        predictor.predict(
                                Map.of(
                                        "images",
                                                new FloatTensor(
                                                        batchImages, new long[] {n, 5, 64, 64}),
                                        "magnitudes",
                                                new FloatTensor(
                                                        batchMagnitudes, new long[] {n, 5})));
                System.arraycopy(predictions.redshift(), 0, redshifts, start, n);
            }
        }

        float[] sorted = redshifts.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "SDSS run 1035 stamps: %d predictions, min %.4f, 5%% %.4f, median %.4f,"
                        + " 95%% %.4f, max %.4f%n",
                rows,
                sorted[0],
                sorted[rows / 20],
                sorted[rows / 2],
                sorted[rows - 1 - rows / 20],
                sorted[rows - 1]);
        assertThat(rows).isEqualTo(256);
        for (float z : redshifts) {
            assertThat(z).isFinite();
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    /** Reads a little-endian float32 member of an uncompressed {@code .npz}. */
    private static float[] readFloats(Path npz, String member) throws IOException {
        try (ZipFile zip = new ZipFile(npz.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(member))) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = bytes.getShort(8) & 0xFFFF;
            assertThat(new String(bytes.array(), 10, headerLength)).contains("'<f4'");
            bytes.position(10 + headerLength);
            float[] values = new float[bytes.remaining() / 4];
            bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
    }
}
