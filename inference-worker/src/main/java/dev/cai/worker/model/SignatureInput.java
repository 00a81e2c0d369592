package dev.cai.worker.model;

import java.util.Arrays;

/**
 * One input of a model signature.
 *
 * @param name the signature's input key, for example {@code images}
 * @param shape dimensions as declared; -1 marks a dimension of any size (the batch)
 * @param dtype TensorFlow type name, for example {@code DT_FLOAT}
 */
public record SignatureInput(String name, long[] shape, String dtype) {

    public SignatureInput {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureInput that
                && name.equals(that.name)
                && Arrays.equals(shape, that.shape)
                && dtype.equals(that.dtype);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape) + " " + dtype;
    }
}
