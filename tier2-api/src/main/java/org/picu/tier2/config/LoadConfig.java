package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code load.*}: how the loader writes to MariaDB and how often {@code tier2 serve} runs it.
 *
 * @param batchSize rows per JDBC batch inside a partition's transaction
 * @param interval how often {@code serve} loads new partitions (ISO-8601, e.g. {@code PT5M}); empty: never, leave
 *     loading to {@code tier2 load} from cron or a timer
 */
public record LoadConfig(int batchSize, Optional<Duration> interval) {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 100_000;
    /** Shorter intervals would mostly list directories and find nothing new. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);

    public LoadConfig {
        requireNonNull(interval, "interval is null");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "load.batch-size must be from 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        interval.ifPresent(i -> {
            if (i.compareTo(MIN_INTERVAL) < 0 || i.compareTo(MAX_INTERVAL) > 0) {
                throw new IllegalArgumentException("load.interval must be from " + MIN_INTERVAL + " to " + MAX_INTERVAL
                        + ", got " + i);
            }
        });
    }

    /** No interval loading. */
    public LoadConfig(int batchSize) {
        this(batchSize, Optional.empty());
    }

    public static LoadConfig defaults() {
        return new LoadConfig(DEFAULT_BATCH_SIZE);
    }
}
