package dev.cai.worker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real TensorFlow SavedModels, built by the test, through {@link SavedModelPredictor}. */
class SavedModelPredictorTest {

    @TempDir static Path dir;

    static Path twoOutputs;
    static Path singleOutput;

    @BeforeAll
    static void exportModels() throws Exception {
        twoOutputs = dir.resolve("two-outputs");
        singleOutput = dir.resolve("single-output");
        TestModels.exportTwoOutputModel(twoOutputs);
        TestModels.exportSingleOutputModel(singleOutput);
    }

    @Test
    void predict_magnitudesListedFirst_bindsByName() {
        float[] magnitudes = {20f, 19f, 18f, 17f, 16f, 21f, 20f, 19f, 18.5f, 18f};
        FloatTensor images = stamps(2, 64, 16, new float[] {1f, 3f}, 100f);

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            Predictions predictions =
                    predictor.predict(
                            Map.of(
                                    "images",
                                    images,
                                    "magnitudes",
                                    new FloatTensor(magnitudes, new long[] {2, 5})));

            assertThat(predictions.redshift()[0]).isCloseTo(0.01f * 90 + 2f * 1f, within(1e-5f));
            assertThat(predictions.redshift()[1]).isCloseTo(0.01f * 96.5f + 2f * 3f, within(1e-5f));
            assertThat(predictions.sigma()).isEmpty();
        }
    }

    @Test
    void load_twoOutputModel_readsSignatureInputs() {
        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            assertThat(predictor.signatureInputs())
                    .containsExactlyInAnyOrder(
                            new SignatureInput("magnitudes", new long[] {-1, 5}, "DT_FLOAT"),
                            new SignatureInput("images", new long[] {-1, 5, 16, 16}, "DT_FLOAT"));
            assertThat(predictor.requiredArrays())
                    .containsExactlyInAnyOrder("images", "magnitudes");
        }
    }

    @Test
    void predict_inputMapping_readsMappedArrays() {
        Map<String, String> mapping = Map.of("images", "stamps", "magnitudes", "mags");
        float[] magnitudes = {20f, 19f, 18f, 17f, 16f};

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, mapping)) {
            Predictions predictions =
                    predictor.predict(
                            Map.of(
                                    "stamps",
                                    stamps(1, 32, 16, new float[] {0.5f}, -7f),
                                    "mags",
                                    new FloatTensor(magnitudes, new long[] {1, 5})));

            assertThat(predictor.requiredArrays()).containsExactlyInAnyOrder("stamps", "mags");
            assertThat(predictions.redshift()[0]).isCloseTo(0.01f * 90 + 2f * 0.5f, within(1e-5f));
        }
    }

    @Test
    void predict_singleUnnamedOutput_isTheRedshift() {
        float[] flux = {1f, 2f, 3f, 4f, 5f, 6f};

        try (SavedModelPredictor predictor = SavedModelPredictor.load(singleOutput, Map.of())) {
            Predictions predictions =
                    predictor.predict(Map.of("flux", new FloatTensor(flux, new long[] {2, 3})));

            assertThat(predictions.redshift()).containsExactly(6f, 15f);
        }
    }

    @Test
    void checkDataset_smallStamps_listsBothSides() {
        Map<String, long[]> dataset =
                Map.of(
                        "images", new long[] {100, 5, 8, 8},
                        "magnitudes", new long[] {100, 5});

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            assertThatThrownBy(() -> predictor.checkDataset(dataset))
                    .isInstanceOf(ModelSignatureException.class)
                    .hasMessageContaining("smaller than the model's input")
                    .hasMessageContaining("images [-1, 5, 16, 16] DT_FLOAT")
                    .hasMessageContaining("magnitudes [-1, 5] DT_FLOAT")
                    .hasMessageContaining("images [100, 5, 8, 8]")
                    .hasMessageContaining("magnitudes [100, 5]");
        }
    }

    @Test
    void checkDataset_missingArray_namesIt() {
        Map<String, long[]> dataset = Map.of("images", new long[] {100, 5, 64, 64});

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            assertThatThrownBy(() -> predictor.checkDataset(dataset))
                    .isInstanceOf(ModelSignatureException.class)
                    .hasMessageContaining("needs dataset array 'magnitudes'")
                    .hasMessageContaining("dataset arrays: [images [100, 5, 64, 64]]");
        }
    }

    @Test
    void checkDataset_wrongBandCount_isRejected() {
        Map<String, long[]> dataset =
                Map.of(
                        "images", new long[] {10, 4, 64, 64},
                        "magnitudes", new long[] {10, 5});

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            assertThatThrownBy(() -> predictor.checkDataset(dataset))
                    .isInstanceOf(ModelSignatureException.class)
                    .hasMessageContaining("dimension 1 differs");
        }
    }

    @Test
    void checkDataset_largerStamps_pass() {
        Map<String, long[]> dataset =
                Map.of(
                        "images", new long[] {10, 5, 64, 64},
                        "magnitudes", new long[] {10, 5});

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            predictor.checkDataset(dataset);
        }
    }

    @Test
    void predict_missingBatchArray_isSignatureError() {
        FloatTensor images = stamps(1, 16, 16, new float[] {1f}, 1f);

        try (SavedModelPredictor predictor = SavedModelPredictor.load(twoOutputs, Map.of())) {
            assertThatThrownBy(() -> predictor.predict(Map.of("images", images)))
                    .isInstanceOf(ModelSignatureException.class)
                    .hasMessageContaining("no array 'magnitudes'");
        }
    }

    @Test
    void load_mappingUnknownInput_isRejected() {
        assertThatThrownBy(() -> SavedModelPredictor.load(twoOutputs, Map.of("pixels", "x")))
                .isInstanceOf(ModelSignatureException.class)
                .hasMessageContaining("'pixels'")
                .hasMessageContaining("images [-1, 5, 16, 16] DT_FLOAT");
    }

    @Test
    void load_folderWithoutModel_isLoadError() {
        assertThatThrownBy(() -> SavedModelPredictor.load(dir.resolve("absent"), Map.of()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("no saved_model.pb");
    }

    @Test
    void centreCrop_oddMargin_takesCentralPixels() {
        float[] data = new float[5 * 5];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        FloatTensor tensor = new FloatTensor(data, new long[] {1, 1, 5, 5});
        SignatureInput input = new SignatureInput("images", new long[] {-1, 1, 2, 2}, "DT_FLOAT");

        FloatTensor cropped = SavedModelPredictor.centreCrop(tensor, input);

        assertThat(cropped.shape()).containsExactly(1, 1, 2, 2);
        assertThat(cropped.data()).containsExactly(6f, 7f, 11f, 12f);
    }

    /**
     * Builds (rows, 5, size, size) stamps in which the central {@code inner x inner} pixels of row
     * i are {@code centre[i]} and every other pixel is {@code border}.
     */
    static FloatTensor stamps(int rows, int size, int inner, float[] centre, float border) {
        float[] data = new float[rows * 5 * size * size];
        Arrays.fill(data, border);
        int start = (size - inner) / 2;
        for (int row = 0; row < rows; row++) {
            for (int band = 0; band < 5; band++) {
                for (int y = start; y < start + inner; y++) {
                    for (int x = start; x < start + inner; x++) {
                        data[((row * 5 + band) * size + y) * size + x] = centre[row];
                    }
                }
            }
        }
        return new FloatTensor(data, new long[] {rows, 5, size, size});
    }
}
