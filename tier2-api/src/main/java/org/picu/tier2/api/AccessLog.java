package org.picu.tier2.api;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code org.picu.tier2.api.access} (route it to its own file or silence it in
 * the logging config): client, method, path and query, status, bytes of the body before compression, milliseconds.
 * Headers are never written, so the bearer token cannot reach a log; the query is cut to a bounded length. Written
 * by the {@link Router} for every answer.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.picu.tier2.api.access");
    private static final int MAX_TARGET = 300;

    private AccessLog() {
    }

    /** {@code path} is the request's path as sent (still encoded), {@code query} its raw query or null. */
    static void write(String client, String method, String path, String query, int status, long bytes, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String target = query == null ? path : path + "?" + query;
        if (target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET) + "...";
        }
        LOG.info("{} \"{} {}\" {} {} {}ms", client, method, target, status, bytes < 0 ? "-" : bytes,
                String.format(Locale.ROOT, "%.2f", nanos / 1e6));
    }
}
