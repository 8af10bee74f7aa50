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
 */
public record SpoolConfig(Path dir, long rollBytes, Duration rollAge) {
    public static final long DEFAULT_ROLL_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_ROLL_AGE = Duration.ofHours(1);

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(rollAge, "rollAge");
    }
}
