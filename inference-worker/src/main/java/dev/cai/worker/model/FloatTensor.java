package dev.cai.worker.model;

import java.util.Arrays;

/**
 * A dense row-major float32 tensor.
 *
 * @param data the values, {@code product(shape)} of them
 * @param shape the dimensions, batch first
 */
public record FloatTensor(float[] data, long[] shape) {

    public FloatTensor {
        long expected = 1;
        for (long dimension : shape) {
            expected *= dimension;
        }
        if (expected != data.length) {
            throw new IllegalArgumentException(
                    "tensor of shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + expected
                            + " values, got "
                            + data.length);
        }
    }

    public int batch() {
        return (int) shape[0];
    }
}
