package org.picu.worker.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Keys {@code upload.*}: the uploader that runs beside the crawl loop in {@code daemon} mode.
 *
 * @param interval pause between two upload rounds while HDFS answers
 * @param backoffMin first pause after a round that could not ship everything (HDFS down)
 * @param backoffMax the pause doubles after every failed round up to this
 */
public record UploadConfig(Duration interval, Duration backoffMin, Duration backoffMax) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);

    public UploadConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(backoffMin, "backoffMin");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    public static UploadConfig defaults() {
        return new UploadConfig(DEFAULT_INTERVAL, DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX);
    }
}
