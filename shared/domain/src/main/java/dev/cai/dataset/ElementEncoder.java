package dev.cai.dataset;

import java.nio.ByteBuffer;

/**
 * Converts Java values to the bytes of a NumPy dtype. Values that the target type cannot hold (NaN
 * or out-of-range numbers for integer types, negative numbers for unsigned types) are rejected
 * rather than wrapped as NumPy's unsafe casts would.
 */
final class ElementEncoder {

    private ElementEncoder() {}

    /** Writes {@code count} floats to {@code dst}, whose byte order must match the dtype. */
    static void encode(float[] src, int offset, int count, NpyDType dtype, ByteBuffer dst) {
        if (dtype.kind() == 'f' && dtype.itemSize() == 4) {
            dst.asFloatBuffer().put(src, offset, count);
            dst.position(dst.position() + count * 4);
            return;
        }
        for (int i = offset; i < offset + count; i++) {
            float value = src[i];
            if (dtype.kind() == 'f') {
                putFloat(value, dtype, dst);
            } else {
                putInteger(toLong(value, dtype), dtype, dst);
            }
        }
    }

    /** Writes {@code count} longs to {@code dst}, whose byte order must match the dtype. */
    static void encode(long[] src, int offset, int count, NpyDType dtype, ByteBuffer dst) {
        for (int i = offset; i < offset + count; i++) {
            long value = src[i];
            if (dtype.kind() == 'f') {
                putFloat(value, dtype, dst);
            } else {
                putInteger(value, dtype, dst);
            }
        }
    }

    private static void putFloat(double value, NpyDType dtype, ByteBuffer dst) {
        switch (dtype.itemSize()) {
            case 2 -> dst.putShort(HalfFloat.fromFloat((float) value));
            case 4 -> dst.putFloat((float) value);
            case 8 -> dst.putDouble(value);
            default -> throw new IllegalArgumentException("unsupported float dtype " + dtype);
        }
    }

    private static long toLong(float value, NpyDType dtype) {
        if (!Float.isFinite(value) || value >= 0x1p63f || value < -0x1p63f) {
            throw new IllegalArgumentException(
                    "value "
                            + value
                            + " cannot be stored as "
                            + dtype
                            + ": expected a finite number");
        }
        return (long) value;
    }

    private static void putInteger(long value, NpyDType dtype, ByteBuffer dst) {
        checkRange(value, dtype);
        switch (dtype.itemSize()) {
            case 1 -> dst.put((byte) value);
            case 2 -> dst.putShort((short) value);
            case 4 -> dst.putInt((int) value);
            case 8 -> dst.putLong(value);
            default -> throw new IllegalArgumentException("unsupported integer dtype " + dtype);
        }
    }

    private static void checkRange(long value, NpyDType dtype) {
        if (dtype.kind() == 'b') {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException(
                        "value " + value + " cannot be stored as " + dtype + ": expected 0 or 1");
            }
            return;
        }
        int bits = dtype.itemSize() * 8;
        boolean unsigned = dtype.kind() == 'u';
        long min;
        long max;
        if (unsigned) {
            min = 0;
            max = bits == 64 ? Long.MAX_VALUE : (1L << bits) - 1;
        } else {
            min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
            max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "value "
                            + value
                            + " cannot be stored as "
                            + dtype
                            + ": expected a value in ["
                            + min
                            + ", "
                            + max
                            + "]");
        }
    }
}
