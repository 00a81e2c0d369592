package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.EOFException;
import java.io.IOException;

/**
 * A {@link ByteRangeSource} seen by the inspector: it checks every range against the object's
 * length before reading (so no buffer is sized from an unchecked header value) and counts the bytes
 * read.
 */
final class RangeReader {

    private final ByteRangeSource source;
    private final long length;
    private long bytesRead;

    RangeReader(ByteRangeSource source) throws IOException {
        this.source = source;
        this.length = source.length();
        if (length < 0) {
            throw new DatasetFormatException(
                    source.key(), "object length is " + length + ": expected a length >= 0");
        }
    }

    String key() {
        return source.key();
    }

    long length() {
        return length;
    }

    long bytesRead() {
        return bytesRead;
    }

    /**
     * Reads {@code count} bytes at {@code offset}, which must lie inside the object.
     *
     * @param region the structure being read, for the error message
     * @throws DatasetFormatException when the range ends past the object's end
     */
    byte[] read(long offset, long count, String region) throws IOException {
        checkRange(offset, count, region);
        if (count > Integer.MAX_VALUE - 8) {
            throw new DatasetFormatException(
                    key(),
                    region + " has " + count + " bytes: expected a header that fits in memory");
        }
        try {
            byte[] bytes = source.read(offset, (int) count);
            bytesRead += count;
            return bytes;
        } catch (EOFException e) {
            throw truncated(offset, count, region, e);
        }
    }

    /**
     * Checks that {@code [offset, offset + count)} lies inside the object.
     *
     * @throws DatasetFormatException naming the structure and the range otherwise
     */
    void checkRange(long offset, long count, String region) {
        if (offset < 0 || count < 0 || count > length - offset) {
            throw truncated(offset, count, region, null);
        }
    }

    private DatasetFormatException truncated(long offset, long count, String region, Throwable e) {
        return new DatasetFormatException(
                key(),
                "file is truncated or corrupt: "
                        + region
                        + " at bytes ["
                        + offset
                        + ", "
                        + offset
                        + " + "
                        + count
                        + ") ends past the end of"
                        + " the object ("
                        + length
                        + " bytes); expected a complete file, upload it again",
                e);
    }
}
