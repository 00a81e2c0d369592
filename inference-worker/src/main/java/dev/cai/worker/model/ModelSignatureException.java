package dev.cai.worker.model;

/**
 * A model's {@code serving_default} signature does not fit the dataset: an input has no dataset
 * array, a shape or type cannot be adapted, or an expected output is missing. Retrying cannot help;
 * the model, the dataset or the input mapping must change.
 */
public class ModelSignatureException extends RuntimeException {

    public ModelSignatureException(String message) {
        super(message);
    }
}
