package org.picu.jobs.clean.feargreed;

import org.picu.model.layout.Dataset;

/** Configuration keys of {@code clean-fear-greed}; set them with {@code -D key=value} on the command line. */
public final class CleanFearGreedConfigKeys {
    /** Comma-separated raw sources whose files hold Fear &amp; Greed readings. */
    public static final String SOURCES = "picu.clean-fear-greed.sources";
    public static final String SOURCES_DEFAULT = String.join(",", Dataset.FEAR_GREED.rawSources());

    /** A reading whose index time one of this many previous days already published is a duplicate; 0 turns that off. */
    public static final String DEDUP_DAYS = "picu.clean-fear-greed.dedup-days";
    public static final int DEDUP_DAYS_DEFAULT = 7;

    /** Parquet row group size; a day of readings is tiny, the bound only matters for backfills. */
    public static final String PARQUET_BLOCK_SIZE = "picu.clean-fear-greed.parquet.block-size";
    public static final int PARQUET_BLOCK_SIZE_DEFAULT = 32 * 1024 * 1024;

    private CleanFearGreedConfigKeys() {
    }
}
