package dev.cai.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Record layouts of the ZIP format (PKWARE APPNOTE 6.3.x, sections 4.3 and 4.5) that {@code
 * np.savez} files use: stored members with ZIP64 local headers, a central directory and the end
 * records. Every multi-byte field is little-endian.
 */
final class ZipFormat {

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

    static final int LOCAL_HEADER_BYTES = 30;
    static final int CENTRAL_HEADER_BYTES = 46;
    static final int END_BYTES = 22;
    static final int ZIP64_END_BYTES = 56;
    static final int ZIP64_LOCATOR_BYTES = 20;

    /** The end record is last, followed only by a comment of at most 65,535 bytes. */
    static final int MAX_END_SEARCH_BYTES = END_BYTES + 0xFFFF;

    static final int ZIP64_EXTRA_TAG = 0x0001;

    /** A 32-bit size or offset with this value means "see the ZIP64 extra field". */
    static final long ZIP64_MARKER_32 = 0xFFFFFFFFL;

    static final int ZIP64_MARKER_16 = 0xFFFF;

    static final int METHOD_STORED = 0;
    static final int FLAG_ENCRYPTED = 0x0001;
    static final int FLAG_UTF8_NAME = 0x0800;

    /** Version 4.5 is the first that supports ZIP64. */
    private static final int VERSION_ZIP64 = 45;

    /** Made by version 4.5 on Unix (host 3), as Python's zipfile writes it. */
    private static final int VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64;

    /** DOS date of 1980-01-01, the earliest a ZIP entry can carry. */
    private static final int DOS_DATE_1980 = (1 << 5) | 1;

    /** Unix mode rw------- in the high 16 bits. */
    private static final int EXTERNAL_ATTRIBUTES = 0600 << 16;

    private ZipFormat() {}

    /**
     * Encodes the local header of a stored member the way {@code np.savez} does: both 32-bit sizes
     * are 0xFFFFFFFF and a 20-byte ZIP64 extra field carries the real ones.
     */
    static byte[] localHeader(byte[] name, long crc, long size) {
        ByteBuffer out = allocate(LOCAL_HEADER_BYTES + name.length + 20);
        out.putInt(LOCAL_HEADER_SIGNATURE)
                .putShort((short) VERSION_ZIP64)
                .putShort((short) flags(name))
                .putShort((short) METHOD_STORED)
                .putShort((short) 0)
                .putShort((short) DOS_DATE_1980)
                .putInt((int) crc)
                .putInt((int) ZIP64_MARKER_32)
                .putInt((int) ZIP64_MARKER_32)
                .putShort((short) name.length)
                .putShort((short) 20)
                .put(name)
                .putShort((short) ZIP64_EXTRA_TAG)
                .putShort((short) 16)
                .putLong(size)
                .putLong(size);
        return out.array();
    }

    /**
     * Encodes a central directory entry. Sizes and the offset go into the 32-bit fields when they
     * fit, otherwise into a ZIP64 extra field in the order the format fixes (uncompressed size,
     * compressed size, local header offset).
     */
    static byte[] centralHeader(byte[] name, long crc, long size, long localHeaderOffset) {
        boolean largeSize = size >= ZIP64_MARKER_32;
        boolean largeOffset = localHeaderOffset >= ZIP64_MARKER_32;
        int extraBytes = (largeSize ? 16 : 0) + (largeOffset ? 8 : 0);
        int extraLength = extraBytes == 0 ? 0 : 4 + extraBytes;

        ByteBuffer out = allocate(CENTRAL_HEADER_BYTES + name.length + extraLength);
        out.putInt(CENTRAL_HEADER_SIGNATURE)
                .putShort((short) VERSION_MADE_BY)
                .putShort((short) VERSION_ZIP64)
                .putShort((short) flags(name))
                .putShort((short) METHOD_STORED)
                .putShort((short) 0)
                .putShort((short) DOS_DATE_1980)
                .putInt((int) crc)
                .putInt((int) (largeSize ? ZIP64_MARKER_32 : size))
                .putInt((int) (largeSize ? ZIP64_MARKER_32 : size))
                .putShort((short) name.length)
                .putShort((short) extraLength)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(EXTERNAL_ATTRIBUTES)
                .putInt((int) (largeOffset ? ZIP64_MARKER_32 : localHeaderOffset))
                .put(name);
        if (extraLength > 0) {
            out.putShort((short) ZIP64_EXTRA_TAG).putShort((short) extraBytes);
            if (largeSize) {
                out.putLong(size).putLong(size);
            }
            if (largeOffset) {
                out.putLong(localHeaderOffset);
            }
        }
        return out.array();
    }

    /**
     * Encodes the records that follow the central directory: the end of central directory record,
     * preceded by the ZIP64 end record and its locator when a count, size or offset does not fit
     * the 16- and 32-bit fields.
     */
    static byte[] endRecords(int entries, long directoryOffset, long directorySize) {
        boolean zip64 =
                entries >= ZIP64_MARKER_16
                        || directoryOffset >= ZIP64_MARKER_32
                        || directorySize >= ZIP64_MARKER_32;
        ByteBuffer out = allocate(END_BYTES + (zip64 ? ZIP64_END_BYTES + ZIP64_LOCATOR_BYTES : 0));
        if (zip64) {
            long zip64EndOffset = directoryOffset + directorySize;
            out.putInt(ZIP64_END_SIGNATURE)
                    .putLong(ZIP64_END_BYTES - 12)
                    .putShort((short) VERSION_MADE_BY)
                    .putShort((short) VERSION_ZIP64)
                    .putInt(0)
                    .putInt(0)
                    .putLong(entries)
                    .putLong(entries)
                    .putLong(directorySize)
                    .putLong(directoryOffset);
            out.putInt(ZIP64_LOCATOR_SIGNATURE).putInt(0).putLong(zip64EndOffset).putInt(1);
        }
        out.putInt(END_SIGNATURE)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) Math.min(entries, ZIP64_MARKER_16))
                .putShort((short) Math.min(entries, ZIP64_MARKER_16))
                .putInt((int) Math.min(directorySize, ZIP64_MARKER_32))
                .putInt((int) Math.min(directoryOffset, ZIP64_MARKER_32))
                .putShort((short) 0);
        return out.array();
    }

    private static int flags(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return FLAG_UTF8_NAME;
            }
        }
        return 0;
    }

    private static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
