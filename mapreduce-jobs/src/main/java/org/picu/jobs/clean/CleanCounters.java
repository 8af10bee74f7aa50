package org.picu.jobs.clean;

/**
 * Counters every cleaning job reports. Rejections are also counted per reason in the group
 * {@link #REJECTED_BY_REASON}, so an operator sees what was wrong without opening the reject output.
 */
public enum CleanCounters {
    RECORDS_READ,
    RECORDS_WRITTEN,
    RECORDS_REJECTED,
    DUPLICATES_DROPPED;

    /** Counter group holding one counter per rejection reason, e.g. {@code bad_json}. */
    public static final String REJECTED_BY_REASON = "PICU rejected records by reason";
}
