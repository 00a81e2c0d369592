package dev.cai.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GalaxyRendererTest {

    private static final float[] MAGNITUDES = {19.2f, 17.6f, 16.8f, 16.4f, 16.1f};

    @ParameterizedTest
    @CsvSource({
        "1.0, 2.0, 0.7",
        "1.0, 5.0, 0.3",
        "4.0, 1.0, 0.9",
        "4.0, 3.0, 0.6",
        "0.5, 1.5, 1.0",
        "2.5, 0.8, 0.5",
    })
    void render_noiselessShape_sumsToMagnitudeFlux(double index, double radius, double q) {
        GalaxyRenderer renderer = new GalaxyRenderer(64, false);
        SersicShape shape = new SersicShape(index, radius, q, 0.6, 0.2, -0.3);
        float[] stamp = new float[renderer.valuesPerStamp()];

        renderer.render(shape, MAGNITUDES, new SplittableRandom(1), stamp, 0);

        for (int band = 0; band < GalaxyRenderer.BANDS; band++) {
            double expected = GalaxyRenderer.fluxOf(MAGNITUDES[band]);
            assertThat(bandSum(stamp, band, 64))
                    .as("band %d flux", band)
                    .isCloseTo(expected, within(0.01 * expected));
        }
    }

    @Test
    void render_drawnShapes_keepMagnitudeFlux() {
        GalaxyRenderer renderer = new GalaxyRenderer(64, false);
        SplittableRandom random = new SplittableRandom(7);
        float[][] galaxies = {
            {18.9f, 17.0f, 16.1f, 15.7f, 15.4f},
            {20.5f, 19.4f, 18.9f, 18.6f, 18.5f},
            {22.0f, 21.1f, 20.3f, 19.9f, 19.6f},
        };
        for (float[] magnitudes : galaxies) {
            float[] stamp = renderer.render(magnitudes, random);
            double expected = GalaxyRenderer.fluxOf(magnitudes[2]);
            assertThat(bandSum(stamp, 2, 64))
                    .as("r flux of %s", Arrays.toString(magnitudes))
                    .isCloseTo(expected, within(0.02 * expected));
        }
    }

    @Test
    void render_sameSeed_samePixels() {
        GalaxyRenderer renderer = new GalaxyRenderer(32, true);

        float[] first = renderer.render(MAGNITUDES, new SplittableRandom(42));
        float[] second = renderer.render(MAGNITUDES, new SplittableRandom(42));
        float[] other = renderer.render(MAGNITUDES, new SplittableRandom(43));

        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void render_blankSource_hasSkyNoiseLevels() {
        GalaxyRenderer renderer = new GalaxyRenderer(64, true);
        float[] faint = {40f, 40f, 40f, 40f, 40f};

        float[] stamp = renderer.render(faint, new SplittableRandom(3));

        for (int band = 0; band < GalaxyRenderer.BANDS; band++) {
            double expected = GalaxyRenderer.skyNoise(band);
            assertThat(bandStandardDeviation(stamp, band, 64))
                    .as("band %d noise", band)
                    .isCloseTo(expected, within(0.05 * expected));
        }
    }

    @Test
    void drawShape_fainterGalaxies_areSmallerOnAverage() {
        GalaxyRenderer renderer = new GalaxyRenderer(64, false);
        SplittableRandom random = new SplittableRandom(11);
        float[] bright = {17f, 15.5f, 14.8f, 14.4f, 14.1f};
        float[] faint = {22f, 20.5f, 19.8f, 19.4f, 19.1f};

        double brightRadius = meanRadius(renderer, bright, random);
        double faintRadius = meanRadius(renderer, faint, random);

        assertThat(faintRadius).isLessThan(brightRadius / 2);
    }

    @Test
    void publicMethods_takeNoRedshift() {
        List<Class<?>> allowed =
                List.of(
                        float[].class,
                        SplittableRandom.class,
                        SersicShape.class,
                        int.class,
                        double.class,
                        boolean.class);
        for (Method method : GalaxyRenderer.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            assertThat(List.of(method.getParameterTypes()))
                    .as("parameters of %s", method.getName())
                    .allMatch(allowed::contains);
        }
    }

    @Test
    void render_sixValues_isRejected() {
        GalaxyRenderer renderer = new GalaxyRenderer(32, false);
        float[] withExtra = {19f, 18f, 17f, 16.5f, 16.2f, 0.1f};

        assertThatThrownBy(() -> renderer.render(withExtra, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 5 magnitudes");
    }

    @Test
    void render_nanMagnitude_isRejected() {
        GalaxyRenderer renderer = new GalaxyRenderer(32, false);
        float[] magnitudes = {19f, Float.NaN, 17f, 16.5f, 16.2f};

        assertThatThrownBy(() -> renderer.render(magnitudes, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    private static double meanRadius(
            GalaxyRenderer renderer, float[] magnitudes, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            sum += renderer.drawShape(magnitudes, random).halfLightRadius();
        }
        return sum / 200;
    }

    private static double bandSum(float[] stamp, int band, int size) {
        double sum = 0;
        for (int p = 0; p < size * size; p++) {
            sum += stamp[band * size * size + p];
        }
        return sum;
    }

    private static double bandStandardDeviation(float[] stamp, int band, int size) {
        int n = size * size;
        double mean = bandSum(stamp, band, size) / n;
        double squares = 0;
        for (int p = 0; p < n; p++) {
            double d = stamp[band * n + p] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - 1));
    }
}
