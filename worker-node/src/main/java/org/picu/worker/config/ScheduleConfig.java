package org.picu.worker.config;

import java.util.List;
import java.util.Map;

/**
 * Keys {@code schedules.<source>} (a cron expression per source) and {@code assignments.<worker-id>} (the
 * sources each worker runs in {@code daemon} mode). One file can then serve the whole cluster.
 *
 * @param cron per source, its cron expression: five fields (minute hour day month weekday, as in crontab)
 *     or six with a leading seconds field
 * @param assignments per worker id, the sources it crawls
 */
public record ScheduleConfig(Map<String, String> cron, Map<String, List<String>> assignments) {
    public ScheduleConfig {
        cron = Map.copyOf(cron);
        assignments = Map.copyOf(assignments);
    }

    public static ScheduleConfig none() {
        return new ScheduleConfig(Map.of(), Map.of());
    }

    /** The sources a worker runs, empty if it has no assignment. */
    public List<String> sourcesOf(String workerId) {
        return List.copyOf(assignments.getOrDefault(workerId, List.of()));
    }
}
