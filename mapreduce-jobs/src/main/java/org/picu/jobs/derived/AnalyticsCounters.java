package org.picu.jobs.derived;

/**
 * Counters every derived-dataset job (candles, indicators, sentiment, insights) reports. Skipped input
 * rows are also counted per reason in the group {@link #SKIPPED_BY_REASON}.
 */
public enum AnalyticsCounters {
    RECORDS_READ,
    RECORDS_WRITTEN,
    RECORDS_SKIPPED;

    /** Counter group with one counter per reason an input row was not used, e.g. {@code outside_day}. */
    public static final String SKIPPED_BY_REASON = "PICU skipped records by reason";
}
