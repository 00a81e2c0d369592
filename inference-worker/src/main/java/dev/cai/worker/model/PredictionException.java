package dev.cai.worker.model;

/** The inference engine failed while running a batch that fitted the signature. */
public class PredictionException extends RuntimeException {

    public PredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
