package dev.cai.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@code .npz} file of any size in bounded memory, laid out as {@code np.savez} lays it
 * out: one stored (uncompressed) ZIP member {@code NAME.npy} per array, each with a ZIP64 local
 * header and a version 1.0 {@code .npy} header padded to a multiple of 64 bytes.
 *
 * <p>Every member's position is fixed by the shapes given up front, so rows of the arrays can be
 * appended in any interleaving. Each array's rows must arrive in order. {@link #close()} writes the
 * local headers with the final CRC-32 values, the central directory and the end records. Instances
 * are not thread-safe.
 *
 * <p>Files above 4 GiB get ZIP64 central directory fields and the ZIP64 end records. NOTE: that
 * path is tested on the records themselves over a sparse 6 GB layout (read back by the inspector
 * and by Python's zipfile), not by writing such a file end to end.
 */
public final class NpzWriter implements Closeable {

    /** The ZIP64 extra field of every local header: tag, length and two 8-byte sizes. */
    private static final int LOCAL_EXTRA_BYTES = 20;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final long directoryOffset;
    private boolean closed;

    /**
     * Creates (or truncates) {@code file} and writes the {@code .npy} header of every array.
     *
     * @throws IllegalArgumentException when the list is empty, a name repeats or is blank, or a
     *     shape has empty rows or more than 2^63 bytes
     */
    public NpzWriter(Path file, List<ArraySpec> arrays) throws IOException {
        Objects.requireNonNull(file, "file");
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("no arrays for " + file + ": expected at least one");
        }
        this.file = file;
        this.channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
        try {
            this.directoryOffset = layOut(arrays);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends rows of one array. {@code length} values starting at {@code values[offset]} must be a
     * whole number of rows in C order. Values are converted to the array's dtype.
     *
     * @throws IllegalArgumentException for an unknown array, a partial row, or a value the dtype
     *     cannot hold
     * @throws IllegalStateException when the rows exceed the array's shape or the writer is closed
     */
    public void writeRows(String name, float[] values, int offset, int length) throws IOException {
        member(name).sink().write(values, offset, length);
    }

    /** Appends rows of one array from longs, as {@link #writeRows(String, float[], int, int)}. */
    public void writeRows(String name, long[] values, int offset, int length) throws IOException {
        member(name).sink().write(values, offset, length);
    }

    /**
     * Finishes the file. When an array has fewer rows than its shape, the incomplete file is
     * deleted and an {@link IllegalStateException} lists the arrays and their row counts.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            List<String> incomplete = incompleteArrays();
            if (!incomplete.isEmpty()) {
                channel.close();
                Files.deleteIfExists(file);
                throw new IllegalStateException(
                        "deleted incomplete "
                                + file
                                + ": arrays "
                                + incomplete
                                + " have fewer rows than their shapes");
            }
            writeDirectory();
        }
    }

    private long layOut(List<ArraySpec> arrays) throws IOException {
        long offset = 0;
        for (ArraySpec spec : arrays) {
            if (members.containsKey(spec.name())) {
                throw new IllegalArgumentException(
                        "array '" + spec.name() + "' is listed twice for " + file);
            }
            byte[] entryName = (spec.name() + ".npy").getBytes(StandardCharsets.UTF_8);
            byte[] npyHeader = NpyHeaderFormat.encodeV1(spec.dtype(), spec.shape());
            long npyStart =
                    offset + ZipFormat.LOCAL_HEADER_BYTES + entryName.length + LOCAL_EXTRA_BYTES;
            long dataStart = npyStart + npyHeader.length;
            RowSink sink = new RowSink(spec.name(), spec.dtype(), spec.shape(), dataStart, channel);
            sink.updateCrc(npyHeader);
            writeAt(npyHeader, npyStart);

            long dataBytes =
                    new ArrayLayout(
                                    spec.name(),
                                    file.toString(),
                                    dataStart,
                                    spec.dtype(),
                                    spec.shape())
                            .dataBytes();
            long memberBytes = Math.addExact(npyHeader.length, dataBytes);
            members.put(spec.name(), new Member(entryName, offset, memberBytes, sink));
            offset = Math.addExact(dataStart, dataBytes);
        }
        return offset;
    }

    private Member member(String name) {
        if (closed) {
            throw new IllegalStateException("writer of " + file + " is closed");
        }
        Member member = members.get(name);
        if (member == null) {
            throw new IllegalArgumentException(
                    "array '"
                            + name
                            + "' is not in "
                            + file
                            + ": expected one of "
                            + members.keySet());
        }
        return member;
    }

    private List<String> incompleteArrays() {
        List<String> incomplete = new ArrayList<>();
        for (Member member : members.values()) {
            RowSink sink = member.sink();
            if (sink.rowsWritten() < sink.rows()) {
                incomplete.add(
                        sink.name() + " (" + sink.rowsWritten() + " of " + sink.rows() + ")");
            }
        }
        return incomplete;
    }

    private void writeDirectory() throws IOException {
        long position = directoryOffset;
        for (Member member : members.values()) {
            long crc = member.sink().crc();
            writeAt(
                    ZipFormat.localHeader(member.entryName(), crc, member.bytes()),
                    member.localHeaderOffset());
            byte[] entry =
                    ZipFormat.centralHeader(
                            member.entryName(), crc, member.bytes(), member.localHeaderOffset());
            writeAt(entry, position);
            position += entry.length;
        }
        long directorySize = position - directoryOffset;
        writeAt(ZipFormat.endRecords(members.size(), directoryOffset, directorySize), position);
    }

    private void writeAt(byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /**
     * One array of the file.
     *
     * @param name the array's name; the member is {@code NAME.npy}
     * @param dtype the stored type
     * @param shape the array's shape, {@code shape[0]} rows
     */
    public record ArraySpec(String name, NpyDType dtype, long[] shape) {

        public ArraySpec {
            Objects.requireNonNull(dtype, "dtype");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("invalid array name '" + name + "'");
            }
            if (shape.length == 0) {
                throw new IllegalArgumentException(
                        "array '" + name + "' has shape (): expected at least one dimension");
            }
            for (long dimension : shape) {
                if (dimension < 0) {
                    throw new IllegalArgumentException(
                            "array '"
                                    + name
                                    + "' has shape "
                                    + Arrays.toString(shape)
                                    + ": expected no negative dimension");
                }
            }
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ArraySpec that
                    && name.equals(that.name)
                    && dtype.equals(that.dtype)
                    && Arrays.equals(shape, that.shape);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * name.hashCode() + dtype.hashCode()) + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + " " + dtype + " " + Arrays.toString(shape);
        }
    }

    /** A member's name bytes, position and size (npy header plus data). */
    private record Member(byte[] entryName, long localHeaderOffset, long bytes, RowSink sink) {}
}
