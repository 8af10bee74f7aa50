package org.picu.worker.fetch;

import java.net.URI;

/**
 * The site refused the crawler as such (a bot challenge, an IP ban) or the host is cooling down from such a
 * refusal. Retrying within the run would not help and could lengthen a ban, so the fetcher never retries it;
 * a crawl run that meets it ends with this {@link #reason()} as its outcome instead of an error.
 */
public final class BlockedException extends FetchException {
    private final String reason;

    public BlockedException(URI url, int status, String reason, String message) {
        super(url, status, message);
        this.reason = reason;
    }

    /**
     * {@link FetchOutcome#BLOCKED_BY_CHALLENGE}, {@link FetchOutcome#HTTP_418} or {@link
     * FetchOutcome#HOST_COOLING_DOWN}.
     */
    @Override
    public String reason() {
        return reason;
    }
}
