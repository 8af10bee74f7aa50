package org.picu.tier2.load;

/** Another loader (this process or another one on the same database) is loading right now; try again later. */
public final class LoaderBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoaderBusyException(String message) {
        super(message);
    }
}
