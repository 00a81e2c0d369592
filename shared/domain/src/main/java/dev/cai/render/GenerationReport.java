package dev.cai.render;

import java.nio.file.Path;

/**
 * The outcome of {@link SyntheticDataset#generate}.
 *
 * @param file the written {@code .npz}
 * @param samples rows written
 * @param bytes size of the file
 * @param seconds wall-clock time from start to the closed file
 */
public record GenerationReport(Path file, long samples, long bytes, double seconds) {

    /** Returns the write rate in megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        return seconds > 0 ? bytes / seconds / 1e6 : Double.POSITIVE_INFINITY;
    }
}
