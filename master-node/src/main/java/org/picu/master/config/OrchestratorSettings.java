package org.picu.master.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.picu.model.layout.Dataset;

/**
 * How the orchestrator schedules, retries and leases runs.
 *
 * @param id this orchestrator's name in leases and the ledger (two orchestrators must differ)
 * @param lookbackDays how many days back (today included) a scheduled cycle looks for new or late raw files
 * @param defaultSchedule cron expression (5 fields, UTC) for datasets without their own
 * @param schedules per dataset cron expressions that replace the default
 * @param leaseTtl age after which another orchestrator's lease on a partition is taken over
 * @param retry retries of a failed job
 * @param parallelJobs how many jobs one cycle keeps submitted at once (1: one after the other); a job only
 *     starts once every upstream dataset of the cycle is done, whatever this number
 * @param compactAfter a cycle merges an hour's small raw files of one source and worker into one file once the
 *     hour has been over this long, and deletes the small files this long after the merged file is committed
 */
public record OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                   Duration leaseTtl, RetrySettings retry, int parallelJobs, Duration compactAfter) {
    /** The default of {@link #compactAfter()}. */
    public static final Duration DEFAULT_COMPACT_AFTER = Duration.ofMinutes(10);

    public OrchestratorSettings {
        Objects.requireNonNull(id, "id");
        schedules = Map.copyOf(schedules);
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("parallelJobs must be at least 1, not " + parallelJobs);
        }
        Objects.requireNonNull(compactAfter, "compactAfter");
    }

    /** Settings that compact after the default time. */
    public OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                Duration leaseTtl, RetrySettings retry, int parallelJobs) {
        this(id, lookbackDays, defaultSchedule, schedules, leaseTtl, retry, parallelJobs, DEFAULT_COMPACT_AFTER);
    }

    /** Settings that run one job at a time. */
    public OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                Duration leaseTtl, RetrySettings retry) {
        this(id, lookbackDays, defaultSchedule, schedules, leaseTtl, retry, 1);
    }

    /** The cron expression that applies to a dataset. */
    public String scheduleOf(Dataset dataset) {
        return schedules.getOrDefault(dataset, defaultSchedule);
    }

    /**
     * @param maxAttempts attempts per run, the first included
     * @param initialBackoff wait before the second attempt; doubled for each further one
     * @param maxBackoff cap on that wait
     * @param failureCooldown after a run failed every attempt, scheduled cycles leave the partition alone
     *     this long (backfill and run-date do not wait)
     */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration failureCooldown) {
        /** The wait before attempt {@code attempt} (2 or more): doubling from the initial backoff, capped. */
        public Duration backoffBefore(int attempt) {
            Duration wait = initialBackoff;
            for (int i = 2; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
