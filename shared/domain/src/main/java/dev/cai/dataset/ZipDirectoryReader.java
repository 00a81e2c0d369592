package dev.cai.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the central directory of a ZIP file from its end: the end of central directory record in
 * the last 65,557 bytes, the ZIP64 locator and end record when present, then the directory itself.
 */
final class ZipDirectoryReader {

    /**
     * Central directories larger than this are rejected. An {@code .npz} dataset has a handful of
     * members, and each entry takes at most 46 + 3 * 65,535 bytes.
     */
    static final long MAX_DIRECTORY_BYTES = 16L << 20;

    /** The first read at the end of the file, enough for the end records without a comment. */
    private static final long FIRST_TAIL_BYTES = 1024;

    /** Code page 437 for names without the UTF-8 flag; ASCII names decode the same in both. */
    private static final Charset CP437 = cp437();

    private ZipDirectoryReader() {}

    /** One central directory entry. */
    record Entry(
            String name,
            int flags,
            int method,
            long crc,
            long compressedSize,
            long uncompressedSize,
            long localHeaderOffset) {}

    /** Reads every central directory entry of the object behind {@code reader}. */
    static List<Entry> read(RangeReader reader) throws IOException {
        End end = findEnd(reader);
        if (end.directorySize > MAX_DIRECTORY_BYTES) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP central directory has "
                            + end.directorySize
                            + " bytes: expected at most "
                            + MAX_DIRECTORY_BYTES
                            + " for an .npz of a few arrays");
        }
        if (end.directoryOffset < 0 || end.directorySize > end.position - end.directoryOffset) {
            throw new DatasetFormatException(
                    reader.key(),
                    "file is truncated or corrupt: the ZIP"
                            + " central directory at offset "
                            + end.directoryOffset
                            + " with "
                            + end.directorySize
                            + " bytes does not end before the end record at "
                            + end.position
                            + " in an object of "
                            + reader.length()
                            + " bytes");
        }
        byte[] directory =
                reader.read(end.directoryOffset, end.directorySize, "ZIP central directory");
        List<Entry> entries = parseEntries(reader, directory);
        if (entries.size() != end.entries) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP central directory has "
                            + entries.size()
                            + " entries but the end record declares "
                            + end.entries
                            + ": the file is corrupt");
        }
        return entries;
    }

    private static End findEnd(RangeReader reader) throws IOException {
        // Try a short tail first: without an archive comment the end record is the last 22 bytes.
        long tailBytes = Math.min(reader.length(), FIRST_TAIL_BYTES);
        long tailStart = reader.length() - tailBytes;
        ByteBuffer tail = littleEndian(reader.read(tailStart, tailBytes, "ZIP end records"));
        int found = lastEndSignature(tail);
        if (found < 0 && tailBytes < Math.min(reader.length(), ZipFormat.MAX_END_SEARCH_BYTES)) {
            tailBytes = Math.min(reader.length(), ZipFormat.MAX_END_SEARCH_BYTES);
            tailStart = reader.length() - tailBytes;
            tail = littleEndian(reader.read(tailStart, tailBytes, "ZIP end records"));
            found = lastEndSignature(tail);
        }
        if (found < 0) {
            throw notZip(reader, tail, tailStart);
        }

        int disk = Short.toUnsignedInt(tail.getShort(found + 4));
        int directoryDisk = Short.toUnsignedInt(tail.getShort(found + 6));
        if (disk != 0 || directoryDisk != 0) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP file spans several disks (disk "
                            + disk
                            + "): expected a single-file .npz written by np.savez");
        }
        long entries = Short.toUnsignedInt(tail.getShort(found + 10));
        long directorySize = Integer.toUnsignedLong(tail.getInt(found + 12));
        long directoryOffset = Integer.toUnsignedLong(tail.getInt(found + 16));
        long position = tailStart + found;

        long locatorPosition = position - ZipFormat.ZIP64_LOCATOR_BYTES;
        if (locatorPosition >= 0) {
            ByteBuffer locator =
                    littleEndian(
                            reader.read(
                                    locatorPosition,
                                    ZipFormat.ZIP64_LOCATOR_BYTES,
                                    "ZIP64 end locator"));
            if (locator.getInt(0) == ZipFormat.ZIP64_LOCATOR_SIGNATURE) {
                return readZip64End(reader, locator.getLong(8), locatorPosition);
            }
        }
        if (entries == ZipFormat.ZIP64_MARKER_16
                || directorySize == ZipFormat.ZIP64_MARKER_32
                || directoryOffset == ZipFormat.ZIP64_MARKER_32) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP end record points to ZIP64"
                            + " values but no ZIP64 end locator precedes it: the file is corrupt");
        }
        return new End(position, entries, directorySize, directoryOffset);
    }

    private static int lastEndSignature(ByteBuffer tail) {
        for (int i = tail.limit() - ZipFormat.END_BYTES; i >= 0; i--) {
            if (tail.getInt(i) == ZipFormat.END_SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    private static End readZip64End(RangeReader reader, long offset, long locatorPosition)
            throws IOException {
        if (offset < 0 || offset > locatorPosition - ZipFormat.ZIP64_END_BYTES) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP64 end locator points to offset "
                            + offset
                            + ": expected an offset before the locator at "
                            + locatorPosition);
        }
        ByteBuffer record =
                littleEndian(reader.read(offset, ZipFormat.ZIP64_END_BYTES, "ZIP64 end record"));
        if (record.getInt(0) != ZipFormat.ZIP64_END_SIGNATURE) {
            throw new DatasetFormatException(
                    reader.key(),
                    "no ZIP64 end record at offset "
                            + offset
                            + " where the ZIP64 locator points: the file is corrupt");
        }
        long entries = record.getLong(32);
        long directorySize = record.getLong(40);
        long directoryOffset = record.getLong(48);
        if (entries < 0 || entries > Integer.MAX_VALUE) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP64 end record declares " + entries + " entries: expected a few members");
        }
        return new End(offset, entries, directorySize, directoryOffset);
    }

    private static List<Entry> parseEntries(RangeReader reader, byte[] directory) {
        ByteBuffer buffer = littleEndian(directory);
        List<Entry> entries = new ArrayList<>();
        int position = 0;
        while (position < directory.length) {
            if (directory.length - position < ZipFormat.CENTRAL_HEADER_BYTES
                    || buffer.getInt(position) != ZipFormat.CENTRAL_HEADER_SIGNATURE) {
                throw new DatasetFormatException(
                        reader.key(),
                        "ZIP central directory entry "
                                + entries.size()
                                + " at directory byte "
                                + position
                                + " is invalid: expected the signature PK\\1\\2");
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(position + 32));
            int next =
                    position
                            + ZipFormat.CENTRAL_HEADER_BYTES
                            + nameLength
                            + extraLength
                            + commentLength;
            if (next > directory.length) {
                throw new DatasetFormatException(
                        reader.key(),
                        "ZIP central directory entry "
                                + entries.size()
                                + " runs past the end of the directory: the file is"
                                + " corrupt");
            }
            entries.add(parseEntry(reader, buffer, position, nameLength, extraLength));
            position = next;
        }
        return entries;
    }

    private static Entry parseEntry(
            RangeReader reader, ByteBuffer buffer, int position, int nameLength, int extraLength) {
        int flags = Short.toUnsignedInt(buffer.getShort(position + 8));
        int method = Short.toUnsignedInt(buffer.getShort(position + 10));
        long crc = Integer.toUnsignedLong(buffer.getInt(position + 16));
        long compressed = Integer.toUnsignedLong(buffer.getInt(position + 20));
        long uncompressed = Integer.toUnsignedLong(buffer.getInt(position + 24));
        long localOffset = Integer.toUnsignedLong(buffer.getInt(position + 42));
        int nameStart = position + ZipFormat.CENTRAL_HEADER_BYTES;
        byte[] nameBytes = Arrays.copyOfRange(buffer.array(), nameStart, nameStart + nameLength);
        Charset charset = (flags & ZipFormat.FLAG_UTF8_NAME) != 0 ? StandardCharsets.UTF_8 : CP437;
        String name = new String(nameBytes, charset);

        // ZIP64 values appear in the extra field only for the fields set to 0xFFFFFFFF, in order.
        ByteBuffer zip64 = findZip64Extra(buffer, nameStart + nameLength, extraLength);
        if (uncompressed == ZipFormat.ZIP64_MARKER_32) {
            uncompressed = zip64Value(reader, zip64, name);
        }
        if (compressed == ZipFormat.ZIP64_MARKER_32) {
            compressed = zip64Value(reader, zip64, name);
        }
        if (localOffset == ZipFormat.ZIP64_MARKER_32) {
            localOffset = zip64Value(reader, zip64, name);
        }
        return new Entry(name, flags, method, crc, compressed, uncompressed, localOffset);
    }

    private static ByteBuffer findZip64Extra(ByteBuffer buffer, int start, int length) {
        int position = start;
        int end = start + length;
        while (position + 4 <= end) {
            int tag = Short.toUnsignedInt(buffer.getShort(position));
            int size = Short.toUnsignedInt(buffer.getShort(position + 2));
            if (position + 4 + size > end) {
                return null;
            }
            if (tag == ZipFormat.ZIP64_EXTRA_TAG) {
                return littleEndian(
                        Arrays.copyOfRange(buffer.array(), position + 4, position + 4 + size));
            }
            position += 4 + size;
        }
        return null;
    }

    private static long zip64Value(RangeReader reader, ByteBuffer zip64, String name) {
        if (zip64 == null || zip64.remaining() < 8) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP entry "
                            + name
                            + " needs a ZIP64 extra field for a size or offset but has none: the"
                            + " file is corrupt");
        }
        long value = zip64.getLong();
        if (value < 0) {
            throw new DatasetFormatException(
                    reader.key(),
                    "ZIP entry "
                            + name
                            + " has a ZIP64 size or offset above 2^63: the file is corrupt");
        }
        return value;
    }

    private static DatasetFormatException notZip(
            RangeReader reader, ByteBuffer tail, long tailStart) {
        boolean npy =
                tailStart == 0
                        && tail.limit() >= NpyHeaderFormat.MAGIC.length
                        && Arrays.equals(
                                Arrays.copyOf(tail.array(), NpyHeaderFormat.MAGIC.length),
                                NpyHeaderFormat.MAGIC);
        String hint =
                npy
                        ? "it is a single .npy array; expected an .npz archive written by np.savez"
                        : "expected an .npz archive written by np.savez";
        return new DatasetFormatException(
                reader.key(),
                "not a ZIP file, or truncated: no end of"
                        + " central directory record in the last "
                        + tail.limit()
                        + " bytes; "
                        + hint);
    }

    private static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The end record's position and the directory it declares. */
    private record End(long position, long entries, long directorySize, long directoryOffset) {}
}
