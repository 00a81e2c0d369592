package dev.cai.render;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Renders five-band (u, g, r, i, z) stamps of galaxies in nanomaggies, shaped like SDSS imaging: a
 * Sérsic profile convolved with a Gaussian point-spread function on 0.396 arcsec pixels, plus
 * Gaussian sky noise.
 *
 * <p>The shape parameters are drawn from distributions of the five magnitudes alone (brighter
 * galaxies are larger, redder ones more concentrated and rounder). The renderer takes no redshift,
 * so a stamp carries no information about redshift beyond what the magnitudes carry.
 *
 * <p>Output is a float array in (band, row, column) order, {@code 5 * size * size} values per
 * stamp. Rendering is deterministic for a given {@link SplittableRandom} state. Instances are
 * immutable and can be shared between threads, while each thread passes its own random source.
 */
public final class GalaxyRenderer {

    public static final int BANDS = 5;

    /** SDSS imaging camera pixel scale, in arcsec per pixel. */
    public static final double PIXEL_SCALE_ARCSEC = 0.396;

    /** FWHM of the Gaussian point-spread function, in arcsec, close to typical SDSS r seeing. */
    public static final double PSF_FWHM_ARCSEC = 1.4;

    /** Magnitude of a source with a flux of 1 nanomaggy. */
    public static final double ZERO_POINT = 22.5;

    /**
     * Approximate per-pixel sky noise (one standard deviation, nanomaggies) in u, g, r, i, z. They
     * are robust standard deviations of background pixels in SDSS DR17 sky-subtracted corrected
     * frames of run 1035, camcol 6, field 17, so the mean sky is zero.
     */
    private static final double[] SKY_NOISE = {0.045, 0.017, 0.030, 0.048, 0.16};

    /**
     * The profile falls smoothly to zero between these radii, in half-light radii, so its total
     * flux is finite and can be integrated once per galaxy.
     */
    private static final double TAPER_START = 7.0;

    private static final double TAPER_END = 8.0;

    private static final int NORMALISATION_STEPS = 1000;

    private final int stampSize;
    private final boolean withNoise;
    private final int psfRadius;
    private final double[] psfKernel;

    /**
     * Creates a renderer of square stamps.
     *
     * @param stampSize stamp width and height in pixels, 8 to 1024
     * @param withNoise whether to add sky noise; noiseless stamps are for tests and checks
     */
    public GalaxyRenderer(int stampSize, boolean withNoise) {
        if (stampSize < 8 || stampSize > 1024) {
            throw new IllegalArgumentException(
                    "invalid stamp size " + stampSize + " pixels: expected 8 to 1024");
        }
        this.stampSize = stampSize;
        this.withNoise = withNoise;
        double sigma = PSF_FWHM_ARCSEC / (2 * Math.sqrt(2 * Math.log(2))) / PIXEL_SCALE_ARCSEC;
        this.psfRadius = (int) Math.ceil(4 * sigma);
        this.psfKernel = gaussianKernel(sigma, psfRadius);
    }

    public int stampSize() {
        return stampSize;
    }

    /** Returns the number of float values in one stamp: {@code 5 * stampSize^2}. */
    public int valuesPerStamp() {
        return BANDS * stampSize * stampSize;
    }

    /** Returns the approximate sky noise of {@code band} (0 = u ... 4 = z), in nanomaggies. */
    public static double skyNoise(int band) {
        return SKY_NOISE[band];
    }

    /** Converts an AB magnitude to a flux in nanomaggies: {@code 10^((22.5 - m) / 2.5)}. */
    public static double fluxOf(double magnitude) {
        return Math.pow(10, (ZERO_POINT - magnitude) / 2.5);
    }

    /** Draws a shape for a galaxy with these magnitudes and renders it into a new array. */
    public float[] render(float[] magnitudes, SplittableRandom random) {
        float[] stamp = new float[valuesPerStamp()];
        render(magnitudes, random, stamp, 0);
        return stamp;
    }

    /** Draws a shape for a galaxy with these magnitudes and renders it at {@code out[offset]}. */
    public void render(float[] magnitudes, SplittableRandom random, float[] out, int offset) {
        render(drawShape(magnitudes, random), magnitudes, random, out, offset);
    }

    /**
     * Renders a galaxy of the given shape at {@code out[offset]}, overwriting {@link
     * #valuesPerStamp()} values. The band fluxes follow the magnitudes; flux that falls outside the
     * stamp is lost, as in a real cutout.
     */
    public void render(
            SersicShape shape,
            float[] magnitudes,
            SplittableRandom random,
            float[] out,
            int offset) {
        checkMagnitudes(magnitudes);
        double[] unitImage = convolve(profileImage(shape));
        int pixels = stampSize * stampSize;
        for (int band = 0; band < BANDS; band++) {
            double flux = fluxOf(magnitudes[band]);
            int start = offset + band * pixels;
            for (int p = 0; p < pixels; p++) {
                double value = flux * unitImage[p];
                if (withNoise) {
                    value += SKY_NOISE[band] * random.nextGaussian();
                }
                out[start + p] = (float) value;
            }
        }
    }

    /**
     * Draws Sérsic parameters from distributions of the magnitudes only. The ranges are loose
     * approximations of SDSS galaxies: half-light radius about 1.8 arcsec at r = 17, growing by a
     * factor of 1.4 per magnitude brighter; galaxies redder than g - r of about 0.65 are mostly de
     * Vaucouleurs-like (n near 4), bluer ones exponential (n near 1).
     */
    public SersicShape drawShape(float[] magnitudes, SplittableRandom random) {
        checkMagnitudes(magnitudes);
        double r = Math.min(Math.max(magnitudes[2], 12.0), 26.0);
        double gMinusR = magnitudes[1] - magnitudes[2];
        double earlyProbability = 1.0 / (1.0 + Math.exp(-(gMinusR - 0.65) / 0.07));
        boolean early = random.nextDouble() < earlyProbability;

        double index =
                early
                        ? clamp(4.0 * Math.exp(0.2 * random.nextGaussian()), 2.0, 6.0)
                        : clamp(Math.exp(0.25 * random.nextGaussian()), 0.5, 2.5);
        double log10Radius =
                0.25 - 0.12 * (r - 17.0) - (early ? 0.05 : 0.0) + 0.15 * random.nextGaussian();
        double radiusArcsec = clamp(Math.pow(10, log10Radius), 0.2, 12.0);
        double axisRatio = early ? random.nextDouble(0.55, 1.0) : random.nextDouble(0.2, 1.0);
        double angle = random.nextDouble(0.0, Math.PI);
        double centreX = random.nextDouble(-0.5, 0.5);
        double centreY = random.nextDouble(-0.5, 0.5);
        return new SersicShape(
                index, radiusArcsec / PIXEL_SCALE_ARCSEC, axisRatio, angle, centreX, centreY);
    }

    private static void checkMagnitudes(float[] magnitudes) {
        if (magnitudes.length != BANDS) {
            throw new IllegalArgumentException(
                    "expected "
                            + BANDS
                            + " magnitudes (u, g, r, i, z),"
                            + " got "
                            + magnitudes.length);
        }
        for (float magnitude : magnitudes) {
            if (!Float.isFinite(magnitude)) {
                throw new IllegalArgumentException(
                        "invalid magnitudes " + Arrays.toString(magnitudes) + ": expected finite");
            }
        }
    }

    /**
     * Integrates the profile over each pixel of a grid that extends the stamp by the PSF radius on
     * every side, scaled so that the whole (untruncated by the stamp) profile sums to 1.
     */
    private double[] profileImage(SersicShape shape) {
        int size = stampSize + 2 * psfRadius;
        double[] image = new double[size * size];
        SersicProfile profile = new SersicProfile(shape.index(), shape.halfLightRadius());
        double cos = Math.cos(shape.positionAngle());
        double sin = Math.sin(shape.positionAngle());
        double inverseAxisRatio = 1.0 / shape.axisRatio();
        double centre = psfRadius + stampSize / 2;
        double scale = 1.0 / (profile.totalFlux() * shape.axisRatio());

        for (int row = 0; row < size; row++) {
            double dy = row - centre - shape.centreY();
            for (int column = 0; column < size; column++) {
                double dx = column - centre - shape.centreX();
                int samples = subsamples(Math.hypot(dx, dy), shape.halfLightRadius());
                double sum = 0;
                for (int sy = 0; sy < samples; sy++) {
                    double y = dy + (sy + 0.5) / samples - 0.5;
                    for (int sx = 0; sx < samples; sx++) {
                        double x = dx + (sx + 0.5) / samples - 0.5;
                        double major = x * cos + y * sin;
                        double minor = (-x * sin + y * cos) * inverseAxisRatio;
                        sum += profile.intensity(Math.sqrt(major * major + minor * minor));
                    }
                }
                image[row * size + column] = sum * scale / (samples * samples);
            }
        }
        return image;
    }

    /**
     * Chooses how many sub-pixel samples per axis a pixel needs: many near the centre, where a
     * Sérsic profile with a large index has a cusp, few where it varies slowly across a pixel.
     */
    private static int subsamples(double distance, double halfLightRadius) {
        double scaled = distance / Math.max(halfLightRadius, 1.0);
        if (distance < 2.5) {
            return 15;
        }
        if (distance < 6 || scaled < 1.5) {
            return 5;
        }
        return scaled < 4 ? 3 : 1;
    }

    /** Convolves the padded profile image with the PSF and crops it to the stamp. */
    private double[] convolve(double[] padded) {
        int size = stampSize + 2 * psfRadius;
        double[] horizontal = new double[size * stampSize];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < stampSize; column++) {
                double sum = 0;
                int base = row * size + column;
                for (int k = 0; k < psfKernel.length; k++) {
                    sum += psfKernel[k] * padded[base + k];
                }
                horizontal[row * stampSize + column] = sum;
            }
        }
        double[] stamp = new double[stampSize * stampSize];
        for (int row = 0; row < stampSize; row++) {
            for (int column = 0; column < stampSize; column++) {
                double sum = 0;
                for (int k = 0; k < psfKernel.length; k++) {
                    sum += psfKernel[k] * horizontal[(row + k) * stampSize + column];
                }
                stamp[row * stampSize + column] = sum;
            }
        }
        return stamp;
    }

    /** Samples a Gaussian at pixel centres out to {@code radius} and scales it to sum to 1. */
    private static double[] gaussianKernel(double sigma, int radius) {
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        return kernel;
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    /** A circular Sérsic profile {@code exp(-b_n (r / r_e)^(1/n))}, tapered to 0 at 8 r_e. */
    private static final class SersicProfile {

        private final double index;
        private final double radius;
        private final double b;

        SersicProfile(double index, double radius) {
            this.index = index;
            this.radius = radius;
            // Asymptotic series for b_n, which makes r_e the half-light radius. It gives 1.67835
            // for n = 1 and 7.66915 for n = 4, against exact values 1.67835 and 7.66925.
            this.b = 2 * index - 1.0 / 3 + 4 / (405 * index) + 46 / (25515 * index * index);
        }

        double intensity(double r) {
            double t = r / radius;
            if (t >= TAPER_END) {
                return 0;
            }
            return Math.exp(-b * Math.pow(t, 1 / index)) * taper(t);
        }

        /**
         * Integrates {@code 2 pi r I(r)} over the circular profile with Simpson's rule, in the
         * variable {@code u = (r / r_e)^(1/n)}, where the integrand is smooth even at the cusp.
         */
        double totalFlux() {
            double upper = Math.pow(TAPER_END, 1 / index);
            double step = upper / NORMALISATION_STEPS;
            double sum = 0;
            for (int k = 0; k <= NORMALISATION_STEPS; k++) {
                double weight = k == 0 || k == NORMALISATION_STEPS ? 1 : (k % 2 == 1 ? 4 : 2);
                sum += weight * radialIntegrand(k * step);
            }
            return sum * step / 3 * radius * radius;
        }

        private double radialIntegrand(double u) {
            double t = Math.pow(u, index);
            return 2 * Math.PI * index * Math.pow(u, 2 * index - 1) * Math.exp(-b * u) * taper(t);
        }

        private static double taper(double t) {
            if (t <= TAPER_START) {
                return 1;
            }
            return 0.5 * (1 + Math.cos(Math.PI * (t - TAPER_START) / (TAPER_END - TAPER_START)));
        }
    }
}
