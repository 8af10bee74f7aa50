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
 * @param leaseTtl a lease (and a job's partition lock) not renewed for this long is taken over by an orchestrator on
 *     another host; its holder renews it every sixth of this, and one on the holder's host takes it over at once when
 *     the holder's process is gone
 * @param retry retries of a failed job
 * @param parallelJobs how many jobs one cycle keeps submitted at once (1: one after the other); a job only
 *     starts once every upstream dataset of the cycle is done, whatever this number
 * @param localJobs which jobs are small enough to run on the local job runner inside the orchestrator
 * @param ledgerRetentionDays run records of partition days older than this many days are deleted by scheduled cycles
 *     (one file per run: with cycles every minute about 1,600 a day; 0 keeps them all)
 * @param compactAfter a cycle merges an hour's small raw files of one source and worker into one file once the
 *     hour has been over this long, and deletes the small files this long after the merged file is committed
 */
public record OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                   Duration leaseTtl, RetrySettings retry, int parallelJobs, LocalJobs localJobs,
                                   int ledgerRetentionDays, Duration compactAfter) {
    public static final int DEFAULT_LEDGER_RETENTION_DAYS = 31;
    /** The default of {@link #leaseTtl()}: well above a renewal's worst delay on a busy Pi, short after a crash. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(3);
    /** The default of {@link #compactAfter()}. */
    public static final Duration DEFAULT_COMPACT_AFTER = Duration.ofMinutes(10);

    public OrchestratorSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(localJobs, "localJobs");
        schedules = Map.copyOf(schedules);
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("parallelJobs must be at least 1, not " + parallelJobs);
        }
        if (ledgerRetentionDays < 0) {
            throw new IllegalArgumentException("ledgerRetentionDays must not be negative");
        }
        Objects.requireNonNull(compactAfter, "compactAfter");
    }

    /** Settings with the default limits for local jobs, ledger retention and compaction. */
    public OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                Duration leaseTtl, RetrySettings retry, int parallelJobs) {
        this(id, lookbackDays, defaultSchedule, schedules, leaseTtl, retry, parallelJobs, LocalJobs.DEFAULT,
                DEFAULT_LEDGER_RETENTION_DAYS, DEFAULT_COMPACT_AFTER);
    }

    /** Settings that keep the default ledger retention and compaction. */
    public OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                Duration leaseTtl, RetrySettings retry, int parallelJobs, LocalJobs localJobs) {
        this(id, lookbackDays, defaultSchedule, schedules, leaseTtl, retry, parallelJobs, localJobs,
                DEFAULT_LEDGER_RETENTION_DAYS, DEFAULT_COMPACT_AFTER);
    }

    /** Settings that compact after {@code compactAfter}, with the other defaults. */
    public OrchestratorSettings(String id, int lookbackDays, String defaultSchedule, Map<Dataset, String> schedules,
                                Duration leaseTtl, RetrySettings retry, int parallelJobs, Duration compactAfter) {
        this(id, lookbackDays, defaultSchedule, schedules, leaseTtl, retry, parallelJobs, LocalJobs.DEFAULT,
                DEFAULT_LEDGER_RETENTION_DAYS, compactAfter);
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
    public record RetrySettings(
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration failureCooldown) {
        /** The wait before attempt {@code attempt} (2 or more): doubling from the initial backoff, capped. */
        public Duration backoffBefore(int attempt) {
            Duration wait = initialBackoff;
            for (int i = 2; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * Automatic local mode (after Hive's {@code hive.exec.mode.local.auto}): on a YARN cluster, a job whose input
     * is at most {@code maxInputBytes} in at most {@code maxInputFiles} files runs on the local job runner inside the
     * orchestrator's JVM instead of as a YARN application. At the volumes a Pi cluster crawls a YARN application's
     * fixed cost (an application master container, a JVM start, the heartbeats) is most of a job's time; a local
     * job over a few MB takes a second or two. Bigger inputs and backfills of big days still go to YARN.
     *
     * @param maxInputBytes input bytes (raw files of the day for a cleaning job, the upstream Parquet files of its
     *     window for a derived job) up to which a job runs locally; 0 sends every job to the cluster
     * @param maxInputFiles input files up to which a job runs locally (each is at least one map task, run one after
     *     the other by the local runner)
     */
    public record LocalJobs(long maxInputBytes, int maxInputFiles) {
        /** 64 MiB in up to 2,000 files: a day of 100,000 raw records is about 35 MB. */
        public static final LocalJobs DEFAULT = new LocalJobs(64L << 20, 2000);
        /** Every job goes to the configured cluster. */
        public static final LocalJobs NEVER = new LocalJobs(0, 0);

        public LocalJobs {
            if (maxInputBytes < 0 || maxInputFiles < 0) {
                throw new IllegalArgumentException("local job limits must not be negative");
            }
        }

        /** Whether a job with this input runs on the local job runner. */
        public boolean fits(long inputBytes, int inputFiles) {
            return maxInputBytes > 0 && inputBytes <= maxInputBytes && inputFiles <= maxInputFiles;
        }
    }
}
