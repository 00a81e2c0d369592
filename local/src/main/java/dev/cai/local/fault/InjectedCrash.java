package dev.cai.local.fault;

/**
 * A simulated death of a Lambda container. It is an {@link Error} because the worker handler
 * catches {@code Exception} and {@code OutOfMemoryError} per message: this one escapes the handler,
 * so the event source fails the whole batch as Lambda does after a crash, and nothing about the
 * attempt is recorded.
 */
public final class InjectedCrash extends Error {

    private static final long serialVersionUID = 1L;

    public InjectedCrash(String message) {
        super(message);
    }
}
