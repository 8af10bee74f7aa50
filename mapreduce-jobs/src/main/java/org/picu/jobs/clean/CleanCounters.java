package org.picu.jobs.clean;

import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.picu.jobs.publish.StagedJobRunner;

/**
 * Counters every cleaning job reports. Rejections are also counted per reason in the group
 * {@link #REJECTED_BY_REASON}, so an operator sees what was wrong without opening the reject output.
 */
public enum CleanCounters {
    RECORDS_READ,
    RECORDS_WRITTEN,
    RECORDS_REJECTED,
    DUPLICATES_DROPPED,
    /** The part of {@link #DUPLICATES_DROPPED} whose key an earlier day's published partition already holds. */
    DUPLICATES_OF_PUBLISHED;

    /** Counter group holding one counter per rejection reason, e.g. {@code bad_json}. */
    public static final String REJECTED_BY_REASON = "PICU rejected records by reason";

    /** The manifest's figures of a finished cleaning job. */
    public static StagedJobRunner.Counts of(Counters counters) {
        return new StagedJobRunner.Counts(value(counters, RECORDS_READ), value(counters, RECORDS_WRITTEN),
                value(counters, RECORDS_REJECTED), value(counters, DUPLICATES_DROPPED));
    }

    private static long value(Counters counters, CleanCounters which) {
        Counter c = counters.findCounter(which);
        return c == null ? 0 : c.getValue();
    }
}
