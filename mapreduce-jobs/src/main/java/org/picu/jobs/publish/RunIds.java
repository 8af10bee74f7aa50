package org.picu.jobs.publish;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: sortable by start time, unique across concurrent runs, safe in file names. */
public final class RunIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next(Clock clock) {
        return FORMAT.format(clock.instant()) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
