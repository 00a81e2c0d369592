package dev.cai.dataset;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * A NumPy array-protocol type string such as {@code <f4} or {@code >i8}: byte order, kind and item
 * size. Only the numeric kinds a dataset can hold are accepted: floats ({@code f}), signed and
 * unsigned integers ({@code i}, {@code u}) and booleans ({@code b}).
 *
 * @param byteOrder {@code '<'} little-endian, {@code '>'} big-endian, {@code '|'} not applicable
 *     (one-byte items)
 * @param kind the NumPy kind character
 * @param itemSize bytes per element
 */
public record NpyDType(char byteOrder, char kind, int itemSize) {

    public NpyDType {
        if (byteOrder != '<' && byteOrder != '>' && byteOrder != '|') {
            throw new IllegalArgumentException("invalid byte order '" + byteOrder + "'");
        }
        if (itemSize <= 0) {
            throw new IllegalArgumentException("invalid item size " + itemSize);
        }
    }

    /** The {@code <f4} type that the worker decodes every float array into. */
    public static final NpyDType FLOAT32_LE = new NpyDType('<', 'f', 4);

    /** The {@code <i8} type of object ids. */
    public static final NpyDType INT64_LE = new NpyDType('<', 'i', 8);

    /**
     * Parses a type string as it appears in a {@code .npy} header's {@code descr} field. A leading
     * {@code '='} (native order) is read as little-endian because every platform NumPy writes
     * datasets on for this project is little-endian.
     *
     * @throws IllegalArgumentException when the string is not a plain numeric type
     */
    public static NpyDType parse(String descr) {
        if (descr == null || descr.length() < 3) {
            throw new IllegalArgumentException("invalid dtype '" + descr + "'");
        }
        char order = descr.charAt(0);
        if (order == '=') {
            order = '<';
        }
        char kind = descr.charAt(1);
        if ("fiub".indexOf(kind) < 0) {
            throw new IllegalArgumentException(
                    "unsupported dtype '"
                            + descr
                            + "': expected a numeric type such as <f4, <f8 or <i8");
        }
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid dtype '" + descr + "'", e);
        }
        if (order != '<' && order != '>' && order != '|') {
            throw new IllegalArgumentException("invalid dtype '" + descr + "': unknown byte order");
        }
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new IllegalArgumentException(
                    "unsupported dtype '" + descr + "': item size must be 1, 2, 4 or 8 bytes");
        }
        if (order == '|' && size != 1) {
            order = '<';
        }
        return new NpyDType(order, kind, size);
    }

    /** Returns the NumPy type string, for example {@code <f4}. */
    public String descr() {
        return "" + byteOrder + kind + itemSize;
    }

    public boolean isFloat() {
        return kind == 'f';
    }

    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    /** Returns the Java byte order to decode this type with. */
    public ByteOrder order() {
        return byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public String toString() {
        return descr().toLowerCase(Locale.ROOT);
    }
}
