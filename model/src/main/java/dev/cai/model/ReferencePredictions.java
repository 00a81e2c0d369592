package dev.cai.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cai.render.GalaxyRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes {@code reference.json} next to an exported model: a few fixed galaxies, rendered as 64x64
 * stamps from their magnitudes and a seed, and the model's outputs for their central 32x32 pixels.
 * Consumers re-render the stamps and check that they get the same outputs.
 */
public final class ReferencePredictions {

    public static final String FILE_NAME = "reference.json";
    public static final int STAMP_SIZE = 64;

    /** u, g, r, i, z of a bright red galaxy, a blue one, a faint one and a mid-redshift one. */
    static final float[][] MAGNITUDES = {
        {18.6f, 16.7f, 15.8f, 15.4f, 15.1f},
        {18.9f, 17.9f, 17.5f, 17.3f, 17.2f},
        {19.5f, 18.6f, 17.7f, 17.3f, 17.0f},
        {19.4f, 18.9f, 17.6f, 17.0f, 16.6f},
    };

    private ReferencePredictions() {}

    /** Renders reference galaxy {@code index} as one (5, 64, 64) stamp. */
    public static float[] renderStamp(float[] magnitudes, long seed) {
        return new GalaxyRenderer(STAMP_SIZE, true).render(magnitudes, new SplittableRandom(seed));
    }

    /** Returns the central {@code size x size} pixels of a (5, S, S) stamp. */
    static float[] centreCrop(float[] stamp, int stampSize, int size) {
        int offset = (stampSize - size) / 2;
        float[] out = new float[RedshiftNetwork.BANDS * size * size];
        for (int band = 0; band < RedshiftNetwork.BANDS; band++) {
            for (int row = 0; row < size; row++) {
                System.arraycopy(
                        stamp,
                        (band * stampSize + row + offset) * stampSize + offset,
                        out,
                        (band * size + row) * size,
                        size);
            }
        }
        return out;
    }

    static void write(Path modelDir) {
        int rows = MAGNITUDES.length;
        float[] images = new float[rows * LabelledData.STAMP_VALUES];
        float[] magnitudes = new float[rows * RedshiftNetwork.BANDS];
        List<Map<String, Object>> galaxies = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            long seed = 1000 + row;
            float[] crop =
                    centreCrop(
                            renderStamp(MAGNITUDES[row], seed),
                            STAMP_SIZE,
                            RedshiftNetwork.IMAGE_SIZE);
            System.arraycopy(crop, 0, images, row * crop.length, crop.length);
            System.arraycopy(
                    MAGNITUDES[row],
                    0,
                    magnitudes,
                    row * RedshiftNetwork.BANDS,
                    RedshiftNetwork.BANDS);
            galaxies.add(Map.of("magnitudes", MAGNITUDES[row], "seed", seed));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stampSize", STAMP_SIZE);
        json.put("galaxies", galaxies);
        try (SavedModelRunner runner = SavedModelRunner.load(modelDir)) {
            SavedModelRunner.Outputs outputs = runner.predict(images, magnitudes);
            json.put(SavedModelExporter.REDSHIFT, outputs.redshift());
            outputs.sigma().ifPresent(sigma -> json.put(SavedModelExporter.REDSHIFT_SIGMA, sigma));
        }
        try {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(modelDir.resolve(FILE_NAME).toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + modelDir.resolve(FILE_NAME), e);
        }
    }
}
