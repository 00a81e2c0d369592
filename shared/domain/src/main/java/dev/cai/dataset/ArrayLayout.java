package dev.cai.dataset;

import java.util.Arrays;

/**
 * Where one array's data lies inside a stored object, as read from its headers.
 *
 * @param name the array's name in the dataset after remapping ({@code images}, {@code magnitudes},
 *     {@code redshifts}, {@code object_ids})
 * @param key the key of the object that contains the data (the {@code .npz} or the {@code .npy}
 *     file)
 * @param dataOffset absolute byte offset of row 0 inside that object
 * @param dtype element type as stored
 * @param shape the array's shape; {@code shape[0]} is the row count
 */
public record ArrayLayout(String name, String key, long dataOffset, NpyDType dtype, long[] shape) {

    public ArrayLayout {
        if (shape.length == 0) {
            throw new IllegalArgumentException("array '" + name + "' in " + key + " is a scalar");
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long rows() {
        return shape[0];
    }

    /** Returns the number of elements in one row: the product of every dimension but the first. */
    public long elementsPerRow() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n = Math.multiplyExact(n, shape[i]);
        }
        return n;
    }

    public long rowBytes() {
        return Math.multiplyExact(elementsPerRow(), dtype.itemSize());
    }

    /** Returns the absolute offset of the first byte of {@code row}. */
    public long rowOffset(long row) {
        return dataOffset + Math.multiplyExact(row, rowBytes());
    }

    /** Returns the array's data size in bytes. */
    public long dataBytes() {
        return Math.multiplyExact(rows(), rowBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayLayout that
                && name.equals(that.name)
                && key.equals(that.key)
                && dataOffset == that.dataOffset
                && dtype.equals(that.dtype)
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + key.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape) + " at " + key + "@" + dataOffset;
    }
}
