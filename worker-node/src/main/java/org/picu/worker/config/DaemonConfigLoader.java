package org.picu.worker.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.picu.model.RecordEnvelope;
import org.picu.worker.daemon.CronSchedule;

/**
 * Validates the keys only the {@code daemon} command uses: {@code upload.*}, {@code schedules}, {@code assignments}.
 */
final class DaemonConfigLoader {
    private DaemonConfigLoader() {
    }

    static UploadConfig upload(RawConfig.Upload raw, Problems problems) {
        RawConfig.Upload u = raw == null ? new RawConfig.Upload(null, null, null) : raw;
        UploadConfig config = new UploadConfig(
                problems.duration("upload.interval", u.interval(), UploadConfig.DEFAULT_INTERVAL, false),
                problems.duration("upload.backoff-min", u.backoffMin(), UploadConfig.DEFAULT_BACKOFF_MIN, false),
                problems.duration("upload.backoff-max", u.backoffMax(), UploadConfig.DEFAULT_BACKOFF_MAX, false));
        if (config.backoffMax().compareTo(config.backoffMin()) < 0) {
            problems.add("upload.backoff-max " + config.backoffMax() + " must not be below upload.backoff-min "
                    + config.backoffMin());
        }
        return config;
    }

    static ScheduleConfig schedule(Map<String, String> schedules, Map<String, List<String>> assignments,
                                   Problems problems) {
        Map<String, String> cron = new LinkedHashMap<>();
        if (schedules != null) {
            schedules.forEach((source, expression) -> {
                String key = "schedules." + source;
                if (expression == null || expression.isBlank()) {
                    problems.add(key + " is empty; write a cron expression such as '*/5 * * * *'");
                    return;
                }
                try {
                    CronSchedule.parse(expression);
                    cron.put(source, expression.trim());
                } catch (IllegalArgumentException e) {
                    problems.add(key + " '" + expression + "' is not a cron expression: " + e.getMessage()
                            + "; write five fields (minute hour day month weekday) or six with seconds first");
                }
            });
        }
        Map<String, List<String>> byWorker = new LinkedHashMap<>();
        if (assignments != null) {
            assignments.forEach((worker, sources) -> {
                String key = "assignments." + worker;
                if (!RecordEnvelope.NAME.matcher(worker).matches()) {
                    problems.add(key + ": '" + worker + "' is not a worker id (see worker.id)");
                }
                Set<String> unique = new LinkedHashSet<>();
                for (String source : sources == null ? List.<String>of() : sources) {
                    if (source == null || !cron.containsKey(source.trim()) && !isListed(schedules, source)) {
                        problems.add(key + " names '" + source + "', which has no entry under schedules");
                    } else {
                        unique.add(source.trim());
                    }
                }
                byWorker.put(worker, List.copyOf(unique));
            });
        }
        return new ScheduleConfig(cron, byWorker);
    }

    /** A source with a bad cron expression is already reported; do not report it twice. */
    private static boolean isListed(Map<String, String> schedules, String source) {
        return schedules != null && schedules.containsKey(source.trim());
    }
}
