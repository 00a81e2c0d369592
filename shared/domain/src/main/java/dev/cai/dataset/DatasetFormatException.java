package dev.cai.dataset;

/**
 * A dataset that can never be processed as it is: not NumPy, truncated, compressed, of the wrong
 * shape or type. The message names the object, the offending value and what is expected, because it
 * ends up in the job's summary for the person who uploaded the file.
 */
public class DatasetFormatException extends RuntimeException {

    private final String key;

    public DatasetFormatException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public DatasetFormatException(String key, String message, Throwable cause) {
        super(key + ": " + message, cause);
        this.key = key;
    }

    /** Returns the object key of the file that failed. */
    public String key() {
        return key;
    }
}
