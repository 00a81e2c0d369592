package dev.cai.aws;

import dev.cai.port.ByteRangeSource;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads one S3 object by byte range. Each read is one GET with a {@code Range: bytes=a-b} header;
 * the object's length comes from a single HEAD, made on first use and kept.
 */
final class S3RangeSource implements ByteRangeSource {

    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private volatile long length = -1;

    S3RangeSource(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long length() throws IOException {
        long known = length;
        if (known < 0) {
            known = fetchLength();
            length = known;
        }
        return known;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        try (InputStream in = openRange(offset, length)) {
            return in.readNBytes(length);
        }
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "invalid range of s3://"
                            + bucket
                            + "/"
                            + key
                            + ": offset "
                            + offset
                            + ", length "
                            + length
                            + " (both must be >= 0)");
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            ResponseInputStream<GetObjectResponse> body =
                    s3.getObject(b -> b.bucket(bucket).key(key).range(range));
            return new ExactLengthStream(body, offset, length);
        } catch (NoSuchKeyException e) {
            throw S3ObjectStore.notFound(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
                throw shortRead(offset, length, 0);
            }
            throw S3ObjectStore.failure("GET " + range + " of", bucket, key, e);
        } catch (SdkException e) {
            throw S3ObjectStore.failure("GET " + range + " of", bucket, key, e);
        }
    }

    private long fetchLength() throws IOException {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw S3ObjectStore.notFound(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw S3ObjectStore.notFound(bucket, key);
            }
            throw S3ObjectStore.failure("HEAD", bucket, key, e);
        } catch (SdkException e) {
            throw S3ObjectStore.failure("HEAD", bucket, key, e);
        }
    }

    private EOFException shortRead(long offset, long expected, long received) {
        return new EOFException(
                "s3://"
                        + bucket
                        + "/"
                        + key
                        + " ended early: expected "
                        + expected
                        + " bytes at offset "
                        + offset
                        + ", got "
                        + received);
    }

    /** A range's body that raises EOFException when the object ends before the range does. */
    private final class ExactLengthStream extends FilterInputStream {

        private final long offset;
        private final long expected;
        private long received;

        ExactLengthStream(InputStream in, long offset, long expected) {
            super(in);
            this.offset = offset;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value < 0) {
                checkComplete();
            } else {
                received++;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int from, int count) throws IOException {
            int n = super.read(buffer, from, count);
            if (n < 0) {
                checkComplete();
            } else {
                received += n;
            }
            return n;
        }

        @Override
        public long skip(long count) throws IOException {
            long n = super.skip(count);
            received += n;
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void checkComplete() throws EOFException {
            if (received < expected) {
                throw shortRead(offset, expected, received);
            }
        }
    }
}
