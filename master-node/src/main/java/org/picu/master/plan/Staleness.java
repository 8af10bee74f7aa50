package org.picu.master.plan;

/**
 * Whether a partition needs a run, and why (for log lines, progress output and status).
 *
 * @param verdict what to do
 * @param reason e.g. "2 new or late raw files", "not published yet", "up to date", "no raw files"
 */
public record Staleness(Verdict verdict, String reason) {

    /** What to do with the partition. */
    public enum Verdict {
        /** A run would change the published partition. */
        RUN,
        /** Published from the inputs that are there now. */
        UP_TO_DATE,
        /** Its inputs are not there (no raw files, an upstream partition missing). */
        NO_INPUT
    }

    public boolean needsRun() {
        return verdict == Verdict.RUN;
    }

    static Staleness run(String reason) {
        return new Staleness(Verdict.RUN, reason);
    }

    static Staleness upToDate(String reason) {
        return new Staleness(Verdict.UP_TO_DATE, reason);
    }

    static Staleness noInput(String reason) {
        return new Staleness(Verdict.NO_INPUT, reason);
    }
}
