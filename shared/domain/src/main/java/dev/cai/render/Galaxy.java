package dev.cai.render;

import java.util.Arrays;

/**
 * The photometry and redshift of one galaxy.
 *
 * @param magnitudes AB magnitudes in u, g, r, i, z
 * @param redshift spectroscopic (catalog) or true (synthetic) redshift
 */
public record Galaxy(float[] magnitudes, float redshift) {

    public Galaxy {
        if (magnitudes.length != GalaxyRenderer.BANDS) {
            throw new IllegalArgumentException(
                    "expected 5 magnitudes (u, g, r, i, z), got " + Arrays.toString(magnitudes));
        }
        magnitudes = magnitudes.clone();
    }

    @Override
    public float[] magnitudes() {
        return magnitudes.clone();
    }

    /** Copies the magnitudes into {@code out} at {@code offset} without allocating. */
    public void copyMagnitudes(float[] out, int offset) {
        System.arraycopy(magnitudes, 0, out, offset, magnitudes.length);
    }
}
