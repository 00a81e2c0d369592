package dev.cai.worker.model;

/** A SavedModel folder could not be loaded: missing, unreadable or not a TensorFlow model. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
