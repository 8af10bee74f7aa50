package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

/**
 * {@code http.*}: where the API listens.
 *
 * @param bind address to bind; loopback by default so that exposing the API is a deliberate choice
 * @param port TCP port, 0 for any free port
 * @param threads request threads; requests beyond these and a short queue are refused rather than piling up
 */
public record HttpConfig(String bind, int port, int threads) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The original API's port, so existing dashboards keep working. */
    public static final int DEFAULT_PORT = 5000;
    public static final int DEFAULT_THREADS = 8;
    public static final int MAX_THREADS = 256;

    public HttpConfig {
        requireNonNull(bind, "bind is null");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("http.bind must be an address such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port must be from 0 to 65535, got " + port);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("http.threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
    }

    /** Loopback on a free port, as tests and the demo want it. */
    public static HttpConfig loopbackAnyPort() {
        return new HttpConfig(DEFAULT_BIND, 0, DEFAULT_THREADS);
    }
}
