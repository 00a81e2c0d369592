package dev.cai.aws;

/** Receives the progress of an upload, after each part. */
@FunctionalInterface
public interface UploadProgress {

    /** A listener that ignores progress. */
    UploadProgress NONE = (sent, total) -> {};

    /**
     * Called after each part is stored.
     *
     * @param bytesSent bytes stored so far
     * @param totalBytes the file's size
     */
    void onProgress(long bytesSent, long totalBytes);
}
