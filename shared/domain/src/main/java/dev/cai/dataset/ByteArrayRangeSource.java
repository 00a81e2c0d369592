package dev.cai.dataset;

import dev.cai.port.ByteRangeSource;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/** An object held in memory, read by byte range: for tests and the dataset fuzzer. */
public final class ByteArrayRangeSource implements ByteRangeSource {

    private final String key;
    private final byte[] bytes;

    /** Creates a source over {@code bytes}, which it does not copy. */
    public ByteArrayRangeSource(String key, byte[] bytes) {
        this.key = Objects.requireNonNull(key, "key");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public byte[] read(long offset, int length) throws EOFException {
        checkRange(offset, length);
        return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
    }

    @Override
    public InputStream openRange(long offset, long length) throws EOFException {
        checkRange(offset, length);
        return new ByteArrayInputStream(bytes, (int) offset, (int) length);
    }

    private void checkRange(long offset, long length) throws EOFException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    key
                            + ": invalid range offset "
                            + offset
                            + " length "
                            + length
                            + ": expected both >= 0");
        }
        if (length > bytes.length - offset) {
            throw new EOFException(
                    key
                            + ": requested bytes ["
                            + offset
                            + ", "
                            + (offset + length)
                            + ") but the object has "
                            + bytes.length);
        }
    }
}
