package org.picu.master.config;

import java.time.Duration;

/**
 * Thresholds of the {@code health} command.
 *
 * @param heartbeatMaxAge a worker whose heartbeat is older than this is reported stale
 * @param minFreeDiskPercent the file system holding the layout must keep at least this much free
 */
public record HealthSettings(Duration heartbeatMaxAge, int minFreeDiskPercent) {
}
