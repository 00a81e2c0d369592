package dev.cai.loadtest.predictor;

import dev.cai.render.ColourRedshiftModel;
import dev.cai.render.Galaxy;
import dev.cai.render.GalaxyRenderer;
import dev.cai.worker.model.FloatTensor;
import dev.cai.worker.model.Predictions;
import dev.cai.worker.model.SavedModelPredictor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the samples per second of {@link SavedModelPredictor} at several batch sizes, on
 * synthetic 64x64 stamps, one thread, as the worker calls it: each timed call includes the centre
 * crop, the copy into TensorFlow and the copy of the outputs back.
 *
 * <p>Usage: {@code PredictorBenchmark [MODEL_DIR] [SECONDS_PER_SIZE]}, defaults {@code
 * model/saved-model} and 5. Each batch size runs 3 untimed warm-up calls, then timed calls until
 * the time is used up, at most 200 calls. Needs {@code TENSORFLOW_LIBRARY_PATH} pointing at the
 * unpacked TensorFlow 2.16.1 libraries and {@code -Dai.djl.offline=true}.
 */
public final class PredictorBenchmark {

    private static final int[] BATCH_SIZES = {32, 64, 128, 256, 512};
    private static final int STAMP = 64;
    private static final int WARM_UP_CALLS = 3;
    private static final int MAX_CALLS = 200;

    private PredictorBenchmark() {}

    public static void main(String[] args) {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "model/saved-model");
        double secondsPerSize = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        int maxBatch = Arrays.stream(BATCH_SIZES).max().orElseThrow();
        float[] images = new float[maxBatch * 5 * STAMP * STAMP];
        float[] magnitudes = new float[maxBatch * 5];
        render(images, magnitudes, maxBatch);

        System.out.printf(
                Locale.ROOT,
                "Predictor benchmark, %s, %d cores available, Java %s," + " model %s%n%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                modelDir);
        System.out.println("| batch size | calls | median ms per call | samples/s |");
        System.out.println("|---|---|---|---|");
        try (SavedModelPredictor predictor = SavedModelPredictor.load(modelDir, Map.of())) {
            for (int batch : BATCH_SIZES) {
                Map<String, FloatTensor> inputs =
                        Map.of(
                                "images",
                                        new FloatTensor(
                                                Arrays.copyOf(images, batch * 5 * STAMP * STAMP),
                                                new long[] {batch, 5, STAMP, STAMP}),
                                "magnitudes",
                                        new FloatTensor(
                                                Arrays.copyOf(magnitudes, batch * 5),
                                                new long[] {batch, 5}));
                measure(predictor, inputs, batch, secondsPerSize);
            }
        }
    }

    private static void measure(
            SavedModelPredictor predictor,
            Map<String, FloatTensor> inputs,
            int batch,
            double seconds) {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            predictor.predict(inputs);
        }
        long[] durations = new long[MAX_CALLS];
        int calls = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long total = 0;
        while (calls < MAX_CALLS && (calls == 0 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            Predictions predictions = predictor.predict(inputs);
            durations[calls] = System.nanoTime() - start;
            total += durations[calls];
            calls++;
            if (predictions.redshift().length != batch) {
                throw new IllegalStateException(
                        "expected " + batch + " predictions, got " + predictions.redshift().length);
            }
        }
        long[] measured = Arrays.copyOf(durations, calls);
        Arrays.sort(measured);
        double medianMillis = measured[calls / 2] / 1e6;
        double samplesPerSecond = (double) batch * calls / (total / 1e9);
        System.out.printf(
                Locale.ROOT,
                "| %d | %d | %.2f | %.0f |%n",
                batch,
                calls,
                medianMillis,
                samplesPerSecond);
    }

    private static void render(float[] images, float[] magnitudes, int rows) {
        GalaxyRenderer renderer = new GalaxyRenderer(STAMP, true);
        ColourRedshiftModel population = new ColourRedshiftModel();
        SplittableRandom random = new SplittableRandom(2026);
        for (int row = 0; row < rows; row++) {
            Galaxy galaxy = population.draw(random);
            galaxy.copyMagnitudes(magnitudes, row * 5);
            renderer.render(galaxy.magnitudes(), random, images, row * 5 * STAMP * STAMP);
        }
    }
}
