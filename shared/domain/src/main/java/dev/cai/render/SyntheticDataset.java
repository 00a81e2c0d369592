package dev.cai.render;

import dev.cai.dataset.NpyDType;
import dev.cai.dataset.NpzWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synthetic galaxy datasets as {@code .npz} files with the arrays {@code images} (N, 5, S,
 * S) float32 in nanomaggies, {@code magnitudes} (N, 5) float32, optionally {@code redshifts} (N,)
 * float32, and {@code object_ids} (N,) int64 (the row number).
 *
 * <p>Rows are rendered in chunks on every available core, at most two chunks per core in memory at
 * once, and written in row order, so memory stays bounded for files far larger than RAM. Each chunk
 * draws from its own random source seeded by the request seed and the chunk number, so the file
 * does not depend on the thread count.
 */
public final class SyntheticDataset {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticDataset.class);

    /** Target size of one chunk of rendered rows. */
    private static final long CHUNK_BYTES = 8L << 20;

    /** Estimate of the ZIP and {@code .npy} headers of a four-array file, in bytes. */
    private static final long HEADER_BYTES_ESTIMATE = 1024;

    private SyntheticDataset() {}

    /** Generates galaxies from the built-in {@link ColourRedshiftModel}. */
    public static GenerationReport generate(GenerationRequest request) {
        return generate(request, new ColourRedshiftModel());
    }

    /**
     * Generates galaxies drawn from {@code population}, for example a catalog resampled with {@link
     * GalaxyPopulation#resample}.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static GenerationReport generate(
            GenerationRequest request, GalaxyPopulation population) {
        long start = System.nanoTime();
        LOG.info(
                "Generating {} samples of {}x{} stamps into {}",
                request.samples(),
                request.stampSize(),
                request.stampSize(),
                request.out());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        runnable -> {
                            Thread thread = new Thread(runnable, "synthetic-dataset");
                            thread.setDaemon(true);
                            return thread;
                        });
        try (NpzWriter writer = new NpzWriter(request.out(), specs(request))) {
            writeChunks(request, population, writer, pool, 2 * threads);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + request.out(), e);
        } finally {
            pool.shutdownNow();
        }
        GenerationReport report =
                new GenerationReport(
                        request.out(),
                        request.samples(),
                        size(request),
                        (System.nanoTime() - start) / 1e9);
        LOG.info(
                "Wrote {} ({} bytes) in {} s, {} MB/s",
                report.file(),
                report.bytes(),
                String.format("%.2f", report.seconds()),
                String.format("%.1f", report.megabytesPerSecond()));
        return report;
    }

    /**
     * Returns the number of samples whose file is at most about {@code bytes} long (at least 1).
     * The header size is an estimate, so the file can differ from {@code bytes} by up to ~1 KB.
     */
    public static long samplesForBytes(long bytes, int stampSize, boolean withRedshifts) {
        long rowBytes = rowBytes(stampSize, withRedshifts);
        return Math.max(1, (bytes - HEADER_BYTES_ESTIMATE) / rowBytes);
    }

    private static long rowBytes(int stampSize, boolean withRedshifts) {
        long imageBytes = 4L * GalaxyRenderer.BANDS * stampSize * stampSize;
        return imageBytes + 4L * GalaxyRenderer.BANDS + 8 + (withRedshifts ? 4 : 0);
    }

    private static List<NpzWriter.ArraySpec> specs(GenerationRequest request) {
        long n = request.samples();
        int size = request.stampSize();
        List<NpzWriter.ArraySpec> specs = new ArrayList<>();
        specs.add(
                new NpzWriter.ArraySpec(
                        "images",
                        NpyDType.FLOAT32_LE,
                        new long[] {n, GalaxyRenderer.BANDS, size, size}));
        specs.add(
                new NpzWriter.ArraySpec(
                        "magnitudes", NpyDType.FLOAT32_LE, new long[] {n, GalaxyRenderer.BANDS}));
        if (request.withRedshifts()) {
            specs.add(new NpzWriter.ArraySpec("redshifts", NpyDType.FLOAT32_LE, new long[] {n}));
        }
        specs.add(new NpzWriter.ArraySpec("object_ids", NpyDType.INT64_LE, new long[] {n}));
        return specs;
    }

    private static void writeChunks(
            GenerationRequest request,
            GalaxyPopulation population,
            NpzWriter writer,
            ExecutorService pool,
            int maxInFlight)
            throws IOException {
        GalaxyRenderer renderer = new GalaxyRenderer(request.stampSize(), true);
        int chunkRows = (int) Math.max(1, CHUNK_BYTES / rowBytes(request.stampSize(), true));
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        long nextRow = 0;
        long chunkIndex = 0;
        while (nextRow < request.samples() || !inFlight.isEmpty()) {
            // Keep the pool busy but bounded: submit until the window is full, then write one.
            while (nextRow < request.samples() && inFlight.size() < maxInFlight) {
                int rows = (int) Math.min(chunkRows, request.samples() - nextRow);
                long firstRow = nextRow;
                long seed = chunkSeed(request.seed(), chunkIndex++);
                inFlight.add(
                        pool.submit(
                                () -> Chunk.render(renderer, population, firstRow, rows, seed)));
                nextRow += rows;
            }
            write(await(inFlight.removeFirst()), writer, request.withRedshifts());
        }
    }

    private static long chunkSeed(long seed, long chunkIndex) {
        return seed ^ (0x9E3779B97F4A7C15L * (chunkIndex + 1));
    }

    private static Chunk await(Future<Chunk> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering a chunk", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering a chunk failed", e.getCause());
        }
    }

    private static void write(Chunk chunk, NpzWriter writer, boolean withRedshifts)
            throws IOException {
        writer.writeRows("images", chunk.images(), 0, chunk.images().length);
        writer.writeRows("magnitudes", chunk.magnitudes(), 0, chunk.magnitudes().length);
        if (withRedshifts) {
            writer.writeRows("redshifts", chunk.redshifts(), 0, chunk.redshifts().length);
        }
        writer.writeRows("object_ids", chunk.objectIds(), 0, chunk.objectIds().length);
    }

    private static long size(GenerationRequest request) {
        try {
            return Files.size(request.out());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the size of " + request.out(), e);
        }
    }

    /** Rendered rows, ready to append. */
    private record Chunk(float[] images, float[] magnitudes, float[] redshifts, long[] objectIds) {

        static Chunk render(
                GalaxyRenderer renderer,
                GalaxyPopulation population,
                long firstRow,
                int rows,
                long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int stampValues = renderer.valuesPerStamp();
            float[] images = new float[rows * stampValues];
            float[] magnitudes = new float[rows * GalaxyRenderer.BANDS];
            float[] redshifts = new float[rows];
            long[] objectIds = new long[rows];
            for (int row = 0; row < rows; row++) {
                Galaxy galaxy = population.draw(random);
                galaxy.copyMagnitudes(magnitudes, row * GalaxyRenderer.BANDS);
                redshifts[row] = galaxy.redshift();
                objectIds[row] = firstRow + row;
                renderer.render(galaxy.magnitudes(), random, images, row * stampValues);
            }
            return new Chunk(images, magnitudes, redshifts, objectIds);
        }
    }
}
