package dev.cai.loadtest.sweep;

import java.nio.file.Path;

/** Provides datasets of a requested size for sweeps. */
public interface DatasetFactory {

    /**
     * Returns a NumPy {@code .npz} dataset whose array data is about {@code bytes} long (whole
     * samples, so it may be a little smaller). Implementations may cache and return the same file
     * for the same size.
     */
    Path datasetOfBytes(long bytes) throws Exception;
}
