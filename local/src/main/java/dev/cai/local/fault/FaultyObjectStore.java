package dev.cai.local.fault;

import dev.cai.port.ByteRangeSource;
import dev.cai.port.ObjectInfo;
import dev.cai.port.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One worker container's object store: crashes before reading, after reading or after writing
 * predictions, stalls before writing them, cuts a partition's range short, and throttles calls, as
 * {@link WorkerFaults} chose for the current message. A throttled call fails with an {@link
 * IOException}, as {@link dev.cai.aws.S3ObjectStore} reports an S3 error.
 */
final class FaultyObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final WorkerFaults faults;

    FaultyObjectStore(ObjectStore delegate, WorkerFaults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public ByteRangeSource open(String bucket, String key) {
        faults.crashIfChosen(CrashPoint.BEFORE_READ);
        return new FaultyRangeSource(delegate.open(bucket, key));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        throttle("HEAD s3://" + bucket + "/" + key);
        return delegate.head(bucket, key);
    }

    @Override
    public byte[] get(String bucket, String key) throws IOException {
        throttle("GET s3://" + bucket + "/" + key);
        return delegate.get(bucket, key);
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        delegate.delete(bucket, key);
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType)
            throws IOException {
        boolean predictions = faults.isPredictionsKey(key);
        if (predictions) {
            faults.crashIfChosen(CrashPoint.AFTER_READ);
            stall(key);
        }
        throttle("PUT s3://" + bucket + "/" + key);
        delegate.put(bucket, key, content, contentType);
        if (predictions) {
            faults.crashIfChosen(CrashPoint.AFTER_WRITE);
        }
    }

    @Override
    public void upload(String bucket, String key, Path file) throws IOException {
        throttle("upload to s3://" + bucket + "/" + key);
        delegate.upload(bucket, key, file);
    }

    @Override
    public List<String> list(String bucket, String prefix) throws IOException {
        throttle("LIST s3://" + bucket + "/" + prefix);
        return delegate.list(bucket, prefix);
    }

    private void stall(String key) throws IOException {
        try {
            faults.stallIfChosen(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stalling before writing " + key, e);
        }
    }

    private void throttle(String call) throws IOException {
        try {
            faults.throttle(call);
        } catch (InjectedThrottlingException e) {
            throw new IOException("S3 call failed: " + e.getMessage(), e);
        }
    }

    /** A ranged reader whose ranges are throttled or cut short as the faults chose. */
    private final class FaultyRangeSource implements ByteRangeSource {

        private final ByteRangeSource source;

        FaultyRangeSource(ByteRangeSource source) {
            this.source = source;
        }

        @Override
        public String key() {
            return source.key();
        }

        @Override
        public long length() throws IOException {
            throttle("HEAD " + source.key());
            return source.length();
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
            throttle("ranged GET " + source.key());
            return source.read(offset, length);
        }

        /** Opens the range, or only its first half when the range is to be truncated. */
        @Override
        public InputStream openRange(long offset, long length) throws IOException {
            throttle("ranged GET " + source.key());
            if (faults.takeTruncation()) {
                return source.openRange(offset, length / 2);
            }
            return source.openRange(offset, length);
        }
    }
}
