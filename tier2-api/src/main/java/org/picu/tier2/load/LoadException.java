package org.picu.tier2.load;

/** A published partition that cannot be loaded as it is; names the file or directory at fault. */
public final class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public LoadException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public LoadException(String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The partition directory or data file the problem is in. */
    public String path() {
        return path;
    }
}
