package org.picu.tier2.api;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code org.picu.tier2.api.access} (route it to its own file or silence it in
 * the logging config): client, method, path and query, status, bytes, milliseconds. Headers are never written, so
 * the bearer token cannot reach a log; the query is cut to a bounded length.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.picu.tier2.api.access");
    private static final int MAX_TARGET = 300;

    private AccessLog() {
    }

    static void write(HttpExchange exchange, int status, long bytes, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String target = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            target = target + "?" + query;
        }
        if (target.length() > MAX_TARGET) {
            target = target.substring(0, MAX_TARGET) + "...";
        }
        InetSocketAddress remote = exchange.getRemoteAddress();
        LOG.info("{} \"{} {}\" {} {} {}ms", remote == null ? "-" : remote.getAddress().getHostAddress(),
                exchange.getRequestMethod(), target, status, bytes < 0 ? "-" : bytes,
                String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6));
    }
}
