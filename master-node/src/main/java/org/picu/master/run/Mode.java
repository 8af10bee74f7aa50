package org.picu.master.run;

/** Which partitions a pass runs. */
public enum Mode {
    /** Scheduled cycle: out-of-date partitions, except those that failed within the failure cool-down. */
    SCHEDULED,
    /** Backfill: out-of-date partitions; re-running skips what is already published from the same inputs. */
    IF_STALE,
    /** run-date: every partition whose inputs exist, up to date or not. */
    FORCE
}
