package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.IOException;

/** Reads whole small arrays, such as a dataset's object ids, in one ranged read. */
public final class ArrayReads {

    private ArrayReads() {}

    /**
     * Reads every element of an integer array as int64.
     *
     * @throws IllegalArgumentException when the array is too large to read at once (2 GiB)
     */
    public static long[] readInt64(ByteRangeSource source, ArrayLayout array) throws IOException {
        int rows = Math.toIntExact(array.rows() * array.elementsPerRow());
        byte[] bytes = source.read(array.dataOffset(), Math.toIntExact(array.dataBytes()));
        long[] values = new long[rows];
        RowDecoder.toInt64(bytes, 0, array.dtype(), values, 0, rows);
        return values;
    }
}
