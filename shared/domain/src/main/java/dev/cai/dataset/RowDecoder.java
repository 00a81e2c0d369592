package dev.cai.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts raw NumPy array bytes to the Java types the worker uses. */
public final class RowDecoder {

    private RowDecoder() {}

    /**
     * Decodes {@code count} elements of {@code dtype} starting at {@code src[srcOffset]} into
     * {@code dst[dstOffset..]} as float32. Floats of 2, 4 and 8 bytes, integers and booleans are
     * accepted in either byte order. Doubles and 64-bit integers are rounded to the nearest float.
     *
     * @throws IllegalArgumentException for a dtype that is not numeric
     * @throws IndexOutOfBoundsException when a range exceeds its array
     */
    public static void toFloat32(
            byte[] src, int srcOffset, NpyDType dtype, float[] dst, int dstOffset, int count) {
        ByteBuffer in = slice(src, srcOffset, dtype, count);
        checkTarget(dst.length, dstOffset, count);
        if (dtype.kind() == 'f' && dtype.itemSize() == 4) {
            in.asFloatBuffer().get(dst, dstOffset, count);
            return;
        }
        if (dtype.kind() == 'f') {
            decodeFloats(in, dtype, dst, dstOffset, count);
            return;
        }
        checkIntegerKind(dtype);
        boolean unsigned = dtype.kind() != 'i';
        for (int i = 0; i < count; i++) {
            long value = readInteger(in, dtype.itemSize(), unsigned);
            dst[dstOffset + i] = unsigned && value < 0 ? unsignedToFloat(value) : (float) value;
        }
    }

    /**
     * Decodes {@code count} integers of {@code dtype} (i1..i8, u1..u8) into {@code dst}.
     *
     * @throws IllegalArgumentException for a dtype that is not an integer type, or a u8 value above
     *     {@link Long#MAX_VALUE}
     */
    public static void toInt64(
            byte[] src, int srcOffset, NpyDType dtype, long[] dst, int dstOffset, int count) {
        if (!dtype.isInteger()) {
            throw new IllegalArgumentException(
                    "dtype " + dtype + " is not an integer type: expected i1..i8 or u1..u8");
        }
        ByteBuffer in = slice(src, srcOffset, dtype, count);
        checkTarget(dst.length, dstOffset, count);
        boolean unsigned = dtype.kind() == 'u';
        for (int i = 0; i < count; i++) {
            long value = readInteger(in, dtype.itemSize(), unsigned);
            if (unsigned && value < 0) {
                throw new IllegalArgumentException(
                        "value "
                                + Long.toUnsignedString(value)
                                + " at element "
                                + i
                                + " of "
                                + dtype
                                + " is above Long.MAX_VALUE: expected"
                                + " ids that fit a signed 64-bit integer");
            }
            dst[dstOffset + i] = value;
        }
    }

    private static void decodeFloats(
            ByteBuffer in, NpyDType dtype, float[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOffset + i] =
                    switch (dtype.itemSize()) {
                        case 2 -> HalfFloat.toFloat(Short.toUnsignedInt(in.getShort()));
                        case 8 -> (float) in.getDouble();
                        default ->
                                throw new IllegalArgumentException(
                                        "unsupported float dtype "
                                                + dtype
                                                + ": expected f2, f4 or f8");
                    };
        }
    }

    private static long readInteger(ByteBuffer in, int itemSize, boolean unsigned) {
        return switch (itemSize) {
            case 1 -> unsigned ? Byte.toUnsignedLong(in.get()) : in.get();
            case 2 -> unsigned ? Short.toUnsignedLong(in.getShort()) : in.getShort();
            case 4 -> unsigned ? Integer.toUnsignedLong(in.getInt()) : in.getInt();
            case 8 -> in.getLong();
            default -> throw new IllegalArgumentException("unsupported item size " + itemSize);
        };
    }

    private static float unsignedToFloat(long value) {
        // Halve with the low bit kept as a sticky bit so that rounding stays correct, then double.
        return ((float) ((value >>> 1) | (value & 1))) * 2f;
    }

    private static void checkIntegerKind(NpyDType dtype) {
        if (!dtype.isInteger() && dtype.kind() != 'b') {
            throw new IllegalArgumentException(
                    "dtype "
                            + dtype
                            + " is not numeric: expected a float, integer or boolean type");
        }
    }

    private static ByteBuffer slice(byte[] src, int srcOffset, NpyDType dtype, int count) {
        long bytes = (long) count * dtype.itemSize();
        if (count < 0 || srcOffset < 0 || bytes > src.length - (long) srcOffset) {
            throw new IndexOutOfBoundsException(
                    "source range of "
                            + count
                            + " elements of "
                            + dtype
                            + " at byte "
                            + srcOffset
                            + " exceeds an array of "
                            + src.length);
        }
        ByteOrder order = dtype.order();
        return ByteBuffer.wrap(src, srcOffset, (int) bytes).slice().order(order);
    }

    private static void checkTarget(int length, int offset, int count) {
        if (offset < 0 || count > length - offset) {
            throw new IndexOutOfBoundsException(
                    "target range of "
                            + count
                            + " elements at "
                            + offset
                            + " exceeds an array of "
                            + length);
        }
    }
}
