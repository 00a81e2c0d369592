package dev.cai.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Encodes {@code .npy} headers the way {@code np.save} writes them. */
final class NpyHeaderFormat {

    /** The six magic bytes every {@code .npy} file starts with: {@code \x93NUMPY}. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** NumPy pads headers so that the array data starts at a multiple of this many bytes. */
    static final int ALIGNMENT = 64;

    private NpyHeaderFormat() {}

    /**
     * Returns a complete version 1.0 header (magic, version, length, dictionary, padding and the
     * final newline) for a C-ordered array.
     *
     * @throws IllegalArgumentException when the dictionary does not fit the 2-byte length of a
     *     version 1.0 header
     */
    static byte[] encodeV1(NpyDType dtype, long[] shape) {
        String dictionary =
                "{'descr': '"
                        + dtype.descr()
                        + "', 'fortran_order': False, 'shape': "
                        + shapeLiteral(shape)
                        + ", }";
        byte[] text = dictionary.getBytes(StandardCharsets.US_ASCII);
        int prefix = MAGIC.length + 2 + 2;
        int unpadded = prefix + text.length + 1;
        int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        int headerLength = total - prefix;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " needs a header of "
                            + headerLength
                            + " bytes: version 1.0 allows 65535");
        }

        byte[] header = new byte[total];
        Arrays.fill(header, (byte) ' ');
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte) headerLength;
        header[9] = (byte) (headerLength >>> 8);
        System.arraycopy(text, 0, header, prefix, text.length);
        header[total - 1] = '\n';
        return header;
    }

    /** Returns the Python tuple literal of a shape: {@code ()}, {@code (5,)} or {@code (2, 3)}. */
    static String shapeLiteral(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder literal = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                literal.append(", ");
            }
            literal.append(shape[i]);
        }
        return literal.append(')').toString();
    }
}
