package dev.cai.render;

import java.util.SplittableRandom;

/**
 * A rough generative model of SDSS-like galaxy photometry against redshift, for synthetic datasets
 * when no catalog is given. It is an approximation, not a fit to data: a redshift drawn from a
 * log-normal distribution with median 0.1 (the SDSS main galaxy sample's median is near 0.1), a red
 * or blue galaxy type, an absolute r magnitude, a distance modulus for flat LambdaCDM (H0 = 70
 * km/s/Mpc, Omega_m = 0.3), and colours that redden linearly with redshift as the 4000 Angstrom
 * break moves from g into r.
 */
public final class ColourRedshiftModel implements GalaxyPopulation {

    private static final double HUBBLE_DISTANCE_MPC = 299792.458 / 70.0;
    private static final double OMEGA_MATTER = 0.3;
    private static final int DISTANCE_STEPS = 64;

    @Override
    public Galaxy draw(SplittableRandom random) {
        double z = clamp(0.1 * Math.exp(0.55 * random.nextGaussian()), 0.01, 0.9);
        boolean red = random.nextDouble() < 0.45;
        double absoluteR = (red ? -21.3 : -20.7) + 0.8 * random.nextGaussian();
        double kCorrection = (red ? 1.1 : 0.5) * z;
        double r = absoluteR + distanceModulus(z) + kCorrection;

        double gMinusR = red ? 0.75 + 2.4 * z : 0.45 + 1.0 * z;
        double uMinusG = red ? 1.75 + 1.2 * z : 1.15 + 0.8 * z;
        double rMinusI = red ? 0.38 + 0.25 * z + 1.6 * Math.max(0, z - 0.3) : 0.28 + 0.3 * z;
        double iMinusZ = red ? 0.30 + 0.3 * z : 0.18 + 0.2 * z;

        float[] magnitudes = new float[GalaxyRenderer.BANDS];
        magnitudes[2] = (float) r;
        magnitudes[1] = (float) (r + gMinusR + 0.06 * random.nextGaussian());
        magnitudes[0] = (float) (magnitudes[1] + uMinusG + 0.15 * random.nextGaussian());
        magnitudes[3] = (float) (r - rMinusI - 0.04 * random.nextGaussian());
        magnitudes[4] = (float) (magnitudes[3] - iMinusZ - 0.06 * random.nextGaussian());
        return new Galaxy(magnitudes, (float) z);
    }

    /** Returns {@code 5 log10(D_L / 10 pc)}, with the comoving distance by Simpson's rule. */
    static double distanceModulus(double z) {
        double step = z / DISTANCE_STEPS;
        double sum = 0;
        for (int k = 0; k <= DISTANCE_STEPS; k++) {
            double weight = k == 0 || k == DISTANCE_STEPS ? 1 : (k % 2 == 1 ? 4 : 2);
            double zk = k * step;
            double hubble = Math.sqrt(OMEGA_MATTER * Math.pow(1 + zk, 3) + 1 - OMEGA_MATTER);
            sum += weight / hubble;
        }
        double comovingMpc = HUBBLE_DISTANCE_MPC * sum * step / 3;
        double luminosityParsecs = (1 + z) * comovingMpc * 1e6;
        return 5 * Math.log10(luminosityParsecs / 10);
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }
}
