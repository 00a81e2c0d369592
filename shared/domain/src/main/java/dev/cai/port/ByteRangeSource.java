package dev.cai.port;

import java.io.IOException;
import java.io.InputStream;

/** One stored object read by byte range, as an S3 ranged GET or a local file read does it. */
public interface ByteRangeSource {

    /** Returns the object's key, for error messages. */
    String key();

    /** Returns the object's length in bytes. */
    long length() throws IOException;

    /**
     * Reads exactly {@code length} bytes starting at {@code offset}.
     *
     * @throws java.io.EOFException when the object ends before {@code offset + length}
     */
    byte[] read(long offset, int length) throws IOException;

    /**
     * Opens a stream over {@code [offset, offset + length)}, for reading a partition in batches.
     */
    InputStream openRange(long offset, long length) throws IOException;
}
