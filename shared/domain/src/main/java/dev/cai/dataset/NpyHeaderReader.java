package dev.cai.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a {@code .npy} header (format versions 1.0, 2.0 and 3.0) with two ranged reads: the fixed
 * prefix, then the dictionary literal.
 */
final class NpyHeaderReader {

    /** Headers longer than this are rejected; np.save writes a few hundred bytes. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final int MAGIC_AND_VERSION_BYTES = 8;

    private NpyHeaderReader() {}

    /**
     * Reads the header of the array that starts at {@code start} and may use at most {@code
     * available} bytes.
     *
     * @param region the array's description in error messages, such as {@code member images.npy}
     */
    static NpyHeader read(RangeReader reader, long start, long available, String region)
            throws IOException {
        if (available < MAGIC_AND_VERSION_BYTES + 2) {
            throw new DatasetFormatException(
                    reader.key(),
                    region
                            + " has "
                            + available
                            + " bytes: expected a .npy header of at least 10 bytes");
        }
        long prefixBytes = Math.min(available, MAGIC_AND_VERSION_BYTES + 4);
        ByteBuffer prefix =
                ByteBuffer.wrap(reader.read(start, prefixBytes, region + " .npy header"))
                        .order(ByteOrder.LITTLE_ENDIAN);
        checkMagic(reader, prefix, region);

        int major = Byte.toUnsignedInt(prefix.get(6));
        int minor = Byte.toUnsignedInt(prefix.get(7));
        int lengthBytes = lengthFieldBytes(reader, major, minor, region);
        if (prefixBytes < MAGIC_AND_VERSION_BYTES + lengthBytes) {
            throw new DatasetFormatException(
                    reader.key(),
                    region + " has " + available + " bytes: expected a complete .npy header");
        }
        long headerLength =
                lengthBytes == 2
                        ? Short.toUnsignedInt(prefix.getShort(MAGIC_AND_VERSION_BYTES))
                        : Integer.toUnsignedLong(prefix.getInt(MAGIC_AND_VERSION_BYTES));
        if (headerLength > MAX_HEADER_BYTES) {
            throw new DatasetFormatException(
                    reader.key(),
                    region
                            + " declares a header of "
                            + headerLength
                            + " bytes: expected at most "
                            + MAX_HEADER_BYTES
                            + " (1 MiB)");
        }

        long textStart = MAGIC_AND_VERSION_BYTES + lengthBytes;
        if (textStart + headerLength > available) {
            throw new DatasetFormatException(
                    reader.key(),
                    "file is truncated or corrupt: "
                            + region
                            + " declares a header of "
                            + headerLength
                            + " bytes but holds only "
                            + (available - textStart)
                            + " after the prefix");
        }
        byte[] text = reader.read(start + textStart, headerLength, region + " .npy header");
        String literal =
                new String(text, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        try {
            Object parsed = PythonLiteralParser.parse(literal);
            return NpyHeader.fromDictionary(parsed, (int) (textStart + headerLength));
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(
                    reader.key(), region + " has an invalid .npy header: " + e.getMessage(), e);
        }
    }

    private static void checkMagic(RangeReader reader, ByteBuffer prefix, String region) {
        byte[] magic = new byte[NpyHeaderFormat.MAGIC.length];
        prefix.get(0, magic);
        if (!Arrays.equals(magic, NpyHeaderFormat.MAGIC)) {
            throw new DatasetFormatException(
                    reader.key(),
                    region
                            + " is not a NumPy array: it does not start with \\x93NUMPY; expected a"
                            + " file written by np.save or np.savez");
        }
    }

    private static int lengthFieldBytes(RangeReader reader, int major, int minor, String region) {
        if (major == 1 && minor == 0) {
            return 2;
        }
        if ((major == 2 || major == 3) && minor == 0) {
            return 4;
        }
        throw new DatasetFormatException(
                reader.key(),
                region
                        + " has .npy format version "
                        + major
                        + "."
                        + minor
                        + ": expected 1.0, 2.0 or 3.0");
    }
}
