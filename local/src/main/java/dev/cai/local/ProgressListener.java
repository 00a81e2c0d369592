package dev.cai.local;

/** Receives a job's progress while the local runtime waits for it. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called about four times a second.
     *
     * @param ended partitions with a result (DONE or FAILED)
     * @param failed partitions FAILED
     * @param total partitions planned
     * @param samples samples predicted so far
     * @param elapsedMillis since waiting began
     */
    void onProgress(int ended, int failed, int total, long samples, long elapsedMillis);

    ProgressListener NONE = (ended, failed, total, samples, elapsedMillis) -> {};
}
