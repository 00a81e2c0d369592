package dev.cai.worker;

import dev.cai.plan.ArraySlice;
import dev.cai.plan.PartitionDescriptor;
import dev.cai.port.ObjectStore;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams one partition's rows in batches, one ranged GET stream per array, reading the next batch
 * on a background thread while the caller decodes and predicts the current one. At most two batches
 * are in memory at once, whatever the partition's size.
 */
final class BatchReader implements AutoCloseable {

    /** The raw bytes of one batch: {@code rows} rows of every array, by array name. */
    record RawBatch(long firstRow, int rows, Map<String, byte[]> bytes) {}

    private final PartitionDescriptor descriptor;
    private final List<ArraySlice> slices;
    private final Map<String, InputStream> streams = new LinkedHashMap<>();
    private final ExecutorService prefetcher;
    private long nextRow;
    private Future<RawBatch> pending;
    private long bytesRead;

    BatchReader(ObjectStore store, PartitionDescriptor descriptor, List<ArraySlice> slices)
            throws IOException {
        this.descriptor = descriptor;
        this.slices = List.copyOf(slices);
        this.nextRow = descriptor.rowStart();
        this.prefetcher =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "prefetch-" + descriptor.partitionId());
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            for (ArraySlice slice : slices) {
                long offset = slice.offsetOf(descriptor.rowStart());
                long length = descriptor.rows() * slice.rowBytes();
                streams.put(
                        slice.name(),
                        store.open(descriptor.bucket(), slice.key()).openRange(offset, length));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        pending = prefetcher.submit(this::readNext);
    }

    /**
     * Returns the next batch, or null after the last one. The time spent here is time waiting for
     * the store, because the batch was requested when the previous one was returned.
     */
    RawBatch next() throws IOException {
        if (pending == null) {
            return null;
        }
        RawBatch batch;
        try {
            batch = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(
                    "interrupted while reading partition " + descriptor.partitionId(), e);
        } catch (ExecutionException e) {
            pending = null;
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
        pending = batch == null ? null : prefetcher.submit(this::readNext);
        return batch;
    }

    long bytesRead() {
        return bytesRead;
    }

    private RawBatch readNext() {
        if (nextRow >= descriptor.rowEnd()) {
            return null;
        }
        int rows = (int) Math.min(descriptor.batchSize(), descriptor.rowEnd() - nextRow);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        try {
            for (ArraySlice slice : slices) {
                int length = Math.toIntExact(rows * slice.rowBytes());
                byte[] buffer = streams.get(slice.name()).readNBytes(length);
                if (buffer.length != length) {
                    throw new EOFException(
                            String.format(
                                    "s3://%s/%s ended early: array '%s' rows %d-%d need %d bytes,"
                                            + " got %d",
                                    descriptor.bucket(),
                                    slice.key(),
                                    slice.name(),
                                    nextRow,
                                    nextRow + rows,
                                    length,
                                    buffer.length));
                }
                bytes.put(slice.name(), buffer);
                bytesRead += length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawBatch batch = new RawBatch(nextRow, rows, bytes);
        nextRow += rows;
        return batch;
    }

    @Override
    public void close() {
        prefetcher.shutdownNow();
        for (InputStream stream : streams.values()) {
            try {
                stream.close();
            } catch (IOException e) {
                // The stream was fully read or the partition failed, so a close error loses no
                // data.
            }
        }
    }
}
