package org.picu.worker.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Keys {@code fetch.*}: how every spider talks HTTP, and how politely.
 *
 * @param userAgent sent on every request; names the crawler and where to learn about it
 * @param connectTimeout limit for opening a connection
 * @param readTimeout limit for the whole response, headers and body
 * @param maxBodyBytes responses larger than this are refused
 * @param hostDelay minimum time between the starts of two requests to one host (a larger robots.txt
 *     {@code Crawl-delay} wins)
 * @param hostJitter a random extra wait between zero and this, added to every host delay so that workers
 *     started by the same cron minute do not hit a site in lockstep
 * @param robotsTtl how long a host's robots.txt is kept before it is fetched again
 * @param maxAttempts tries per request when the answer is retryable (429, 5xx, network error); 1 = no retry
 * @param backoffBase first wait after an error on a host; doubled after every further error in a row
 * @param backoffMax the longest such wait, and the longest {@code Retry-After} honoured without giving up
 * @param hostErrorLimit after this many errors in a row a host is skipped for the rest of the run
 * @param runTimeLimit a crawl run that takes longer than this stops fetching
 */
public record FetchConfig(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                          Duration hostDelay, Duration hostJitter, Duration robotsTtl, int maxAttempts,
                          Duration backoffBase, Duration backoffMax, int hostErrorLimit, Duration runTimeLimit) {
    public static final String DEFAULT_USER_AGENT = "PICU-crawler/0.1 (+https://github.com/picu/picu)";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The original spider waited 2 s between Upbit requests; keep that politeness. */
    public static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_HOST_JITTER = Duration.ofMillis(500);
    public static final Duration DEFAULT_ROBOTS_TTL = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);
    public static final int DEFAULT_HOST_ERROR_LIMIT = 5;
    public static final Duration DEFAULT_RUN_TIME_LIMIT = Duration.ofMinutes(10);

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(hostDelay, "hostDelay");
        Objects.requireNonNull(hostJitter, "hostJitter");
        Objects.requireNonNull(robotsTtl, "robotsTtl");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(runTimeLimit, "runTimeLimit");
        if (maxAttempts < 1 || hostErrorLimit < 1) {
            throw new IllegalArgumentException("maxAttempts and hostErrorLimit must be at least 1");
        }
    }

    /** The basic settings with the default politeness (no jitter, so tests stay exact). */
    public FetchConfig(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                       Duration hostDelay) {
        this(userAgent, connectTimeout, readTimeout, maxBodyBytes, hostDelay, Duration.ZERO, DEFAULT_ROBOTS_TTL,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_HOST_ERROR_LIMIT,
                DEFAULT_RUN_TIME_LIMIT);
    }

    /** All defaults; convenient for tests and tools. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_USER_AGENT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_HOST_DELAY, DEFAULT_HOST_JITTER, DEFAULT_ROBOTS_TTL,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_HOST_ERROR_LIMIT,
                DEFAULT_RUN_TIME_LIMIT);
    }

    /** The same settings with another host delay and no jitter (tests want exact timing). */
    public FetchConfig withHostDelay(Duration delay) {
        return new FetchConfig(userAgent, connectTimeout, readTimeout, maxBodyBytes, delay, Duration.ZERO, robotsTtl,
                maxAttempts, backoffBase, backoffMax, hostErrorLimit, runTimeLimit);
    }

    /** The same settings with other retry and backoff limits. */
    public FetchConfig withBackoff(int attempts, Duration base, Duration max, int errorLimit) {
        return new FetchConfig(userAgent, connectTimeout, readTimeout, maxBodyBytes, hostDelay, hostJitter, robotsTtl,
                attempts, base, max, errorLimit, runTimeLimit);
    }

    /** The same settings with another per-run time limit. */
    public FetchConfig withRunTimeLimit(Duration limit) {
        return new FetchConfig(userAgent, connectTimeout, readTimeout, maxBodyBytes, hostDelay, hostJitter, robotsTtl,
                maxAttempts, backoffBase, backoffMax, hostErrorLimit, limit);
    }
}
