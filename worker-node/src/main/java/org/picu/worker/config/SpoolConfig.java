package org.picu.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Keys {@code spool.*}.
 *
 * @param dir spool root; files go to {@code <dir>/YYYYMMDD/}
 * @param rollBytes a spool file is closed and renamed once it reaches this size
 * @param rollAge a spool file is closed and renamed once it is this old
 * @param maxBytes unshipped data (being written or waiting for upload) may take at most this much disk;
 *     at the cap crawling pauses until uploads free space
 */
public record SpoolConfig(Path dir, long rollBytes, Duration rollAge, long maxBytes) {
    public static final long DEFAULT_ROLL_BYTES = 16L * 1024 * 1024;
    /**
     * A minute: a crawl run's records reach HDFS within roll-age plus the upload interval, which the freshness target
     * (ticks in the API within 5 minutes) needs; the daemon then ships one file per crawl run of a source.
     */
    public static final Duration DEFAULT_ROLL_AGE = Duration.ofMinutes(1);
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rollAge, "rollAge");
    }

    public SpoolConfig(Path dir, long rollBytes, Duration rollAge) {
        this(dir, rollBytes, rollAge, DEFAULT_MAX_BYTES);
    }
}
