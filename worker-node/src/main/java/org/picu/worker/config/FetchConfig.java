package org.picu.worker.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Keys {@code fetch.*}: how every spider talks HTTP.
 *
 * @param userAgent sent on every request; names the crawler and where to learn about it
 * @param connectTimeout limit for opening a connection
 * @param readTimeout limit for the whole response, headers and body
 * @param maxBodyBytes responses larger than this are refused
 * @param hostDelay minimum time between the starts of two requests to one host
 */
public record FetchConfig(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                          Duration hostDelay) {
    public static final String DEFAULT_USER_AGENT = "PICU-crawler/0.1 (+https://github.com/picu/picu)";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The original spider waited 2 s between Upbit requests; keep that politeness. */
    public static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(2);

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(hostDelay, "hostDelay");
    }

    /** All defaults; convenient for tests and tools. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_USER_AGENT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_HOST_DELAY);
    }

    public FetchConfig withHostDelay(Duration delay) {
        return new FetchConfig(userAgent, connectTimeout, readTimeout, maxBodyBytes, delay);
    }
}
