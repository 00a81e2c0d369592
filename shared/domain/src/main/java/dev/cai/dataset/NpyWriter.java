package dev.cai.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes one {@code .npy} file of any size in bounded memory, as {@code np.save} writes it: a
 * version 1.0 header padded so the data starts at a multiple of 64 bytes, then the rows in C order.
 * Rows must arrive in order. Instances are not thread-safe.
 */
public final class NpyWriter implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final RowSink sink;
    private boolean closed;

    /**
     * Creates (or truncates) {@code file} and writes its header.
     *
     * @throws IllegalArgumentException when the shape is empty, has a negative dimension, has empty
     *     rows or more than 2^63 bytes
     */
    public NpyWriter(Path file, NpyDType dtype, long[] shape) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString();
        NpzWriter.ArraySpec spec = new NpzWriter.ArraySpec(name, dtype, shape);
        byte[] header = NpyHeaderFormat.encodeV1(dtype, spec.shape());
        this.file = file;
        this.channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
        try {
            this.sink = new RowSink(name, dtype, spec.shape(), header.length, channel);
            ByteBuffer buffer = ByteBuffer.wrap(header);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends rows: {@code length} values in C order starting at {@code values[offset]}, converted
     * to the file's dtype.
     *
     * @throws IllegalArgumentException for a partial row or a value the dtype cannot hold
     * @throws IllegalStateException when the rows exceed the shape or the writer is closed
     */
    public void writeRows(float[] values, int offset, int length) throws IOException {
        checkOpen();
        sink.write(values, offset, length);
    }

    /** Appends rows from longs, as {@link #writeRows(float[], int, int)}. */
    public void writeRows(long[] values, int offset, int length) throws IOException {
        checkOpen();
        sink.write(values, offset, length);
    }

    /**
     * Closes the file. When fewer rows than the shape were written, the incomplete file is deleted
     * and an {@link IllegalStateException} names the row counts.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        channel.close();
        if (sink.rowsWritten() < sink.rows()) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(
                    "deleted incomplete "
                            + file
                            + ": "
                            + sink.rowsWritten()
                            + " of "
                            + sink.rows()
                            + " rows were written");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer of " + file + " is closed");
        }
    }
}
