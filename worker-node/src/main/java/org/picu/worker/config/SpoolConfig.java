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
    /** One file per source per hour: the NameNode of a Pi cluster has a small heap. */
    public static final Duration DEFAULT_ROLL_AGE = Duration.ofHours(1);
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rollAge, "rollAge");
    }

    public SpoolConfig(Path dir, long rollBytes, Duration rollAge) {
        this(dir, rollBytes, rollAge, DEFAULT_MAX_BYTES);
    }
}
