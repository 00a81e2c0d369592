package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** A local file read by byte range. Each call opens the file, so instances hold no resources. */
public final class FileByteRangeSource implements ByteRangeSource {

    private final Path file;
    private final String key;

    /** Creates a source whose key is the file's path. */
    public FileByteRangeSource(Path file) {
        this(file, file.toString());
    }

    /** Creates a source that reports {@code key} in messages, for example an S3 key. */
    public FileByteRangeSource(Path file, String key) {
        this.file = Objects.requireNonNull(file, "file");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long length() throws IOException {
        return Files.size(file);
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        checkArguments(offset, length);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new EOFException(
                            key
                                    + ": requested bytes ["
                                    + offset
                                    + ", "
                                    + (offset + length)
                                    + ") but the file ends at "
                                    + position);
                }
                position += read;
            }
        }
        return buffer.array();
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        checkArguments(offset, length);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new RangeInputStream(channel, offset, length);
    }

    private void checkArguments(long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    key
                            + ": invalid range offset "
                            + offset
                            + " length "
                            + length
                            + ": expected both >= 0");
        }
    }

    @Override
    public String toString() {
        return "FileByteRangeSource[" + file + "]";
    }

    /** Reads a range through positional reads; throws EOFException if the file ends early. */
    private final class RangeInputStream extends InputStream {

        private final FileChannel channel;
        private final long end;
        private long position;

        RangeInputStream(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] single = new byte[1];
            return read(single, 0, 1) < 0 ? -1 : Byte.toUnsignedInt(single[0]);
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (position >= end) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int requested = (int) Math.min(length, end - position);
            int read = channel.read(ByteBuffer.wrap(target, offset, requested), position);
            if (read < 0) {
                throw new EOFException(
                        key + ": range ends at " + end + " but the file ends at " + position);
            }
            position += read;
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
