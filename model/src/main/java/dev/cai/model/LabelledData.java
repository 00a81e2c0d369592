package dev.cai.model;

import dev.cai.render.Galaxy;
import dev.cai.render.GalaxyRenderer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Galaxies with rendered 32x32 stamps, real magnitudes and real redshifts, in row order.
 *
 * @param images (N, 5, 32, 32) nanomaggies
 * @param magnitudes (N, 5) AB magnitudes
 * @param redshifts (N,) spectroscopic redshifts
 */
record LabelledData(float[] images, float[] magnitudes, float[] redshifts) {

    static final int STAMP_VALUES =
            RedshiftNetwork.BANDS * RedshiftNetwork.IMAGE_SIZE * RedshiftNetwork.IMAGE_SIZE;

    int rows() {
        return redshifts.length;
    }

    /**
     * Renders a stamp for each galaxy from its magnitudes alone, in parallel. Galaxy {@code i} uses
     * its own random source seeded from {@code seed} and {@code i}, so the pixels do not depend on
     * the thread count.
     */
    static LabelledData render(List<Galaxy> galaxies, long seed) {
        GalaxyRenderer renderer = new GalaxyRenderer(RedshiftNetwork.IMAGE_SIZE, true);
        int rows = galaxies.size();
        float[] images = new float[rows * STAMP_VALUES];
        float[] magnitudes = new float[rows * RedshiftNetwork.BANDS];
        float[] redshifts = new float[rows];
        IntStream.range(0, rows)
                .parallel()
                .forEach(
                        row -> {
                            Galaxy galaxy = galaxies.get(row);
                            galaxy.copyMagnitudes(magnitudes, row * RedshiftNetwork.BANDS);
                            redshifts[row] = galaxy.redshift();
                            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + row);
                            renderer.render(
                                    galaxy.magnitudes(), random, images, row * STAMP_VALUES);
                        });
        return new LabelledData(images, magnitudes, redshifts);
    }

    /** Copies the given rows, in the given order. */
    LabelledData subset(int[] rowIndices) {
        int n = rowIndices.length;
        float[] subImages = new float[n * STAMP_VALUES];
        float[] subMagnitudes = new float[n * RedshiftNetwork.BANDS];
        float[] subRedshifts = new float[n];
        for (int i = 0; i < n; i++) {
            int row = rowIndices[i];
            System.arraycopy(images, row * STAMP_VALUES, subImages, i * STAMP_VALUES, STAMP_VALUES);
            System.arraycopy(
                    magnitudes,
                    row * RedshiftNetwork.BANDS,
                    subMagnitudes,
                    i * RedshiftNetwork.BANDS,
                    RedshiftNetwork.BANDS);
            subRedshifts[i] = redshifts[row];
        }
        return new LabelledData(subImages, subMagnitudes, subRedshifts);
    }

    /**
     * Returns a copy in which each stamp is flipped and rotated by a random one of the 8 symmetries
     * of the square, the same for all bands of a stamp.
     */
    LabelledData withRandomSymmetries(SplittableRandom random) {
        int size = RedshiftNetwork.IMAGE_SIZE;
        float[] out = new float[images.length];
        for (int row = 0; row < rows(); row++) {
            int symmetry = random.nextInt(8);
            for (int band = 0; band < RedshiftNetwork.BANDS; band++) {
                int base = row * STAMP_VALUES + band * size * size;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int sourceX = (symmetry & 1) == 0 ? x : size - 1 - x;
                        int sourceY = (symmetry & 2) == 0 ? y : size - 1 - y;
                        int source =
                                (symmetry & 4) == 0
                                        ? sourceY * size + sourceX
                                        : sourceX * size + sourceY;
                        out[base + y * size + x] = images[base + source];
                    }
                }
            }
        }
        return new LabelledData(out, magnitudes, redshifts);
    }

    /** Returns a copy with every pixel set to 0, to measure what the image branch adds. */
    LabelledData withZeroImages() {
        return new LabelledData(new float[images.length], magnitudes, redshifts);
    }
}
