package dev.cai.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's peak resident memory, which is what Lambda reports as Max Memory Used. */
final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {}

    /**
     * Returns the peak resident set size in MB from {@code VmHWM} on Linux, or the JVM's current
     * heap and non-heap use where {@code /proc} is unavailable.
     */
    static long megabytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String kilobytes = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kilobytes) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the JVM's own figure.
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
