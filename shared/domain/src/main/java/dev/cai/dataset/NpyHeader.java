package dev.cai.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parsed header of one {@code .npy} array.
 *
 * @param descr the {@code descr} type string as written, for example {@code <f4} or {@code |O}
 * @param fortranOrder whether the data is in Fortran (column-major) order
 * @param shape the array's shape
 * @param headerBytes bytes from the magic string to the first data byte
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, int headerBytes) {

    NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Builds a header from the parsed dictionary literal.
     *
     * @throws IllegalArgumentException naming the key that is missing or of the wrong type
     */
    static NpyHeader fromDictionary(Object literal, int headerBytes) {
        if (!(literal instanceof Map<?, ?> dictionary)) {
            throw new IllegalArgumentException(
                    "header is not a dict: expected"
                            + " {'descr': ..., 'fortran_order': ..., 'shape': ...}");
        }
        Object descr = dictionary.get("descr");
        Object fortranOrder = dictionary.get("fortran_order");
        Object shape = dictionary.get("shape");
        if (descr instanceof List) {
            throw new IllegalArgumentException(
                    "descr "
                            + descr
                            + " is a structured dtype: expected a plain numeric type such as <f4");
        }
        if (!(descr instanceof String descrText)) {
            throw new IllegalArgumentException(
                    "header key 'descr' is "
                            + describe(descr)
                            + ": expected a type string such as '<f4'");
        }
        if (!(fortranOrder instanceof Boolean fortran)) {
            throw new IllegalArgumentException(
                    "header key 'fortran_order' is "
                            + describe(fortranOrder)
                            + ": expected True or False");
        }
        if (!(shape instanceof List<?> dimensions)) {
            throw new IllegalArgumentException(
                    "header key 'shape' is "
                            + describe(shape)
                            + ": expected a tuple of integers such as (256, 5, 64, 64)");
        }
        return new NpyHeader(descrText, fortran, toShape(dimensions), headerBytes);
    }

    private static long[] toShape(List<?> dimensions) {
        long[] shape = new long[dimensions.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dimensions.get(i) instanceof Long dimension) || dimension < 0) {
                throw new IllegalArgumentException(
                        "shape "
                                + dimensions
                                + " has an invalid dimension: expected integers >= 0");
            }
            shape[i] = dimension;
        }
        return shape;
    }

    private static String describe(Object value) {
        return value == null ? "missing" : "'" + value + "'";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyHeader that
                && descr.equals(that.descr)
                && fortranOrder == that.fortranOrder
                && Arrays.equals(shape, that.shape)
                && headerBytes == that.headerBytes;
    }

    @Override
    public int hashCode() {
        return 31 * descr.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "{descr="
                + descr
                + ", fortran_order="
                + fortranOrder
                + ", shape="
                + NpyHeaderFormat.shapeLiteral(shape)
                + "}";
    }
}
