package org.picu.testkit.replay;

/** A recorded site that cannot be served: missing or inconsistent files under {@code sites/<site>/}. */
public class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
