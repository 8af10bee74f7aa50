package org.picu.master.run;

import java.util.Optional;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;

/**
 * What a pass did with one dataset partition.
 *
 * @param dataset the dataset
 * @param date the day
 * @param kind what happened
 * @param detail why, in words
 * @param run the ledger record when a job was run
 */
public record Outcome(Dataset dataset, PartitionDate date, Kind kind, String detail, Optional<RunRecord> run) {

    /** What happened to a partition in a pass. */
    public enum Kind {
        SUCCEEDED, FAILED, UP_TO_DATE, WAITING, UNAVAILABLE, LEASE_HELD, COOLING_DOWN, UPSTREAM_FAILED
    }

    static Outcome of(Dataset dataset, PartitionDate date, RunRecord run) {
        Kind kind = run.state() == RunState.SUCCEEDED ? Kind.SUCCEEDED : Kind.FAILED;
        String detail = run.state() == RunState.SUCCEEDED
                ? "published (" + run.counters().getOrDefault("records", 0L) + " records, run " + run.runId() + ", "
                        + run.attempts() + " attempt(s), " + run.duration().toMillis() / 1000 + " s)"
                : "failed after " + run.attempts() + " attempt(s): " + run.message();
        return new Outcome(dataset, date, kind, detail, Optional.of(run));
    }

    static Outcome skipped(Dataset dataset, PartitionDate date, Kind kind, String detail) {
        return new Outcome(dataset, date, kind, detail, Optional.empty());
    }

    /** One line for logs and progress output. */
    public String describe() {
        return date + " " + dataset.dirName() + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " - " + detail;
    }
}
