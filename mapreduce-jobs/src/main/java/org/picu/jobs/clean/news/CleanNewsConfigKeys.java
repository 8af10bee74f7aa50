package org.picu.jobs.clean.news;

import org.picu.model.layout.Dataset;

/** Configuration keys of {@code clean-news}; set them with {@code -D key=value} on the command line. */
public final class CleanNewsConfigKeys {
    /** Comma-separated raw sources whose files hold news items; add an operator's declarative sources here. */
    public static final String SOURCES = "picu.clean-news.sources";
    public static final String SOURCES_DEFAULT = String.join(",", Dataset.NEWS.rawSources());

    /** An item whose id one of this many previous days already published is a duplicate; 0 turns that off. */
    public static final String DEDUP_DAYS = "picu.clean-news.dedup-days";
    public static final int DEDUP_DAYS_DEFAULT = 7;

    /** Parquet row group size; sized for a Pi task heap, like clean-market's. */
    public static final String PARQUET_BLOCK_SIZE = "picu.clean-news.parquet.block-size";
    public static final int PARQUET_BLOCK_SIZE_DEFAULT = 32 * 1024 * 1024;

    private CleanNewsConfigKeys() {
    }
}
