package dev.cai.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The data region of one array inside a file being written. It appends rows in order with
 * positional writes, so the arrays of one file can be filled in any interleaving, and it keeps the
 * CRC-32 of everything written to the member so far.
 */
final class RowSink {

    /** Values are converted through a buffer of at most this many bytes, to bound memory. */
    private static final int BUFFER_BYTES = 1 << 20;

    private final String name;
    private final NpyDType dtype;
    private final long[] shape;
    private final long elementsPerRow;
    private final long dataStart;
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private ByteBuffer buffer;
    private long rowsWritten;
    private long bytesWritten;

    /**
     * Creates a sink for an array whose row 0 starts at {@code dataStart} in {@code channel}.
     *
     * @throws IllegalArgumentException when the shape has empty rows or its byte size overflows
     */
    RowSink(String name, NpyDType dtype, long[] shape, long dataStart, FileChannel channel) {
        ArrayLayout layout = new ArrayLayout(name, name, dataStart, dtype, shape);
        try {
            layout.dataBytes();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "array '"
                            + name
                            + "' with shape "
                            + Arrays.toString(shape)
                            + " has more than 2^63 bytes",
                    e);
        }
        if (layout.elementsPerRow() <= 0 || layout.rows() < 0) {
            throw new IllegalArgumentException(
                    "array '"
                            + name
                            + "' has shape "
                            + Arrays.toString(shape)
                            + ": expected a row count >= 0 and rows of at least 1 value");
        }
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.elementsPerRow = layout.elementsPerRow();
        this.dataStart = dataStart;
        this.channel = channel;
    }

    String name() {
        return name;
    }

    long rows() {
        return shape[0];
    }

    long rowsWritten() {
        return rowsWritten;
    }

    /** Returns the CRC-32 of the bytes passed to {@link #updateCrc} and of the rows written. */
    long crc() {
        return crc.getValue();
    }

    /** Adds bytes that precede the data in the same member (the {@code .npy} header) to the CRC. */
    void updateCrc(byte[] bytes) {
        crc.update(bytes);
    }

    void write(float[] values, int offset, int length) throws IOException {
        checkRequest(values.length, offset, length);
        writeChunks(
                offset,
                length,
                (from, count, target) -> ElementEncoder.encode(values, from, count, dtype, target));
    }

    void write(long[] values, int offset, int length) throws IOException {
        checkRequest(values.length, offset, length);
        writeChunks(
                offset,
                length,
                (from, count, target) -> ElementEncoder.encode(values, from, count, dtype, target));
    }

    private void checkRequest(int arrayLength, int offset, int length) {
        if (offset < 0 || length < 0 || offset > arrayLength - length) {
            throw new IndexOutOfBoundsException(
                    "values ["
                            + offset
                            + ", "
                            + offset
                            + " + "
                            + length
                            + ") are outside an array of length "
                            + arrayLength);
        }
        if (length % elementsPerRow != 0) {
            throw new IllegalArgumentException(
                    "array '"
                            + name
                            + "' with shape "
                            + Arrays.toString(shape)
                            + " takes rows of "
                            + elementsPerRow
                            + " values: "
                            + length
                            + " values are not a whole number of rows");
        }
        long rows = length / elementsPerRow;
        if (rows > rows() - rowsWritten) {
            throw new IllegalStateException(
                    "array '"
                            + name
                            + "' has "
                            + rows()
                            + " rows and "
                            + rowsWritten
                            + " are written: "
                            + rows
                            + " more rows do not fit");
        }
    }

    private void writeChunks(int offset, int length, ChunkEncoder encoder) throws IOException {
        int elementBytes = dtype.itemSize();
        int chunk = BUFFER_BYTES / elementBytes;
        for (int done = 0; done < length; done += chunk) {
            int count = Math.min(chunk, length - done);
            ByteBuffer target = prepareBuffer(count * elementBytes);
            encoder.encode(offset + done, count, target);
            flush(target);
        }
        rowsWritten += length / elementsPerRow;
    }

    private ByteBuffer prepareBuffer(int bytes) {
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes);
        }
        buffer.clear().order(dtype.order());
        return buffer;
    }

    private void flush(ByteBuffer target) throws IOException {
        target.flip();
        crc.update(target.array(), target.arrayOffset(), target.limit());
        while (target.hasRemaining()) {
            bytesWritten += channel.write(target, dataStart + bytesWritten);
        }
    }

    /** Encodes {@code count} values starting at {@code from} into {@code target}. */
    @FunctionalInterface
    private interface ChunkEncoder {
        void encode(int from, int count, ByteBuffer target);
    }
}
