package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * {@code api.cache.*}: the API's response cache. A cached answer is served until the data changes or it grows old:
 * the API notices a load by any process by reading {@code load_ledger} every {@code checkInterval} in the background
 * (a load by this process is noticed at once), and recomputes an answer older than {@code maxAge} (for the endpoints
 * whose answer moves with the clock, such as "the last 24 hours").
 *
 * @param enabled false serves every request from the database
 * @param checkInterval how often the ledger is read; a load by another process is visible within this (plus one
 *     ledger read and one computation of the answer)
 * @param maxAge how long an answer is served before one request recomputes it (the others meanwhile get the old one)
 */
public record ApiCacheConfig(boolean enabled, Duration checkInterval, Duration maxAge) {
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);
    public static final Duration MIN_DURATION = Duration.ofMillis(10);
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    public ApiCacheConfig {
        requireNonNull(checkInterval, "checkInterval is null");
        requireNonNull(maxAge, "maxAge is null");
        check("api.cache.check-interval", checkInterval);
        check("api.cache.max-age", maxAge);
    }

    /** Enabled, the ledger read every second, answers recomputed once a second. */
    public static ApiCacheConfig defaults() {
        return new ApiCacheConfig(true, DEFAULT_CHECK_INTERVAL, DEFAULT_MAX_AGE);
    }

    /** Every request answered from the database. */
    public static ApiCacheConfig disabled() {
        return new ApiCacheConfig(false, DEFAULT_CHECK_INTERVAL, DEFAULT_MAX_AGE);
    }

    static boolean inRange(Duration duration) {
        return duration.compareTo(MIN_DURATION) >= 0 && duration.compareTo(MAX_DURATION) <= 0;
    }

    private static void check(String key, Duration duration) {
        if (!inRange(duration)) {
            throw new IllegalArgumentException(key + " must be from " + MIN_DURATION + " to " + MAX_DURATION + ", got "
                    + duration);
        }
    }
}
