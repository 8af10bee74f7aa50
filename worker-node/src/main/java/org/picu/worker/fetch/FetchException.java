package org.picu.worker.fetch;

import java.net.URI;

/** A request that did not produce a usable response; says which URL and, if one came back, which status. */
public class FetchException extends Exception {
    /** {@link #status()} when no HTTP response was received (timeout, refused connection, too large). */
    public static final int NO_STATUS = -1;

    private final URI url;
    private final int status;

    public FetchException(URI url, int status, String message) {
        this(url, status, message, null);
    }

    public FetchException(URI url, int status, String message, Throwable cause) {
        super("GET " + url + (status == NO_STATUS ? "" : " returned HTTP " + status) + ": " + message, cause);
        this.url = url;
        this.status = status;
    }

    public URI url() {
        return url;
    }

    /** The HTTP status, or {@link #NO_STATUS}. */
    public int status() {
        return status;
    }

    /**
     * The failure as an outcome word for rejections and counters: {@code http_<status>}, or
     * {@link FetchOutcome#NO_ANSWER} when no status came back.
     */
    public String reason() {
        return status == NO_STATUS ? FetchOutcome.NO_ANSWER : FetchOutcome.http(status);
    }
}
