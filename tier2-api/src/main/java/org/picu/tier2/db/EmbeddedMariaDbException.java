package org.picu.tier2.db;

/** The embedded MariaDB server could not be started, used or stopped; the message names the directory or port. */
public final class EmbeddedMariaDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedMariaDbException(String message) {
        super(message);
    }

    public EmbeddedMariaDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
