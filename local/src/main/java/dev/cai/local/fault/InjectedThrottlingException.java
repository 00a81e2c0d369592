package dev.cai.local.fault;

/** A simulated transient throttling error of a job table call; a retry may succeed. */
public final class InjectedThrottlingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InjectedThrottlingException(String message) {
        super(message);
    }
}
