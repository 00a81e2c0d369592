package dev.cai.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded random partition of row indices into training (70%), validation (15%) and test (15%).
 */
record DataSplit(int[] train, int[] validation, int[] test) {

    static DataSplit of(int rows, long seed) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        shuffle(order, new SplittableRandom(seed ^ 0x5DEECE66DL));
        int trainEnd = (int) Math.round(rows * 0.70);
        int validationEnd = (int) Math.round(rows * 0.85);
        return new DataSplit(
                Arrays.copyOfRange(order, 0, trainEnd),
                Arrays.copyOfRange(order, trainEnd, validationEnd),
                Arrays.copyOfRange(order, validationEnd, rows));
    }

    /** Shuffles in place (Fisher-Yates). */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
