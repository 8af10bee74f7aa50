package org.picu.jobs.clean.market;

import org.picu.model.layout.Dataset;

/** Configuration keys of {@code clean-market}; set them with {@code -D key=value} on the command line. */
public final class CleanMarketConfigKeys {
    /** Comma-separated raw sources whose files hold market ticks. */
    public static final String SOURCES = "picu.clean-market.sources";
    public static final String SOURCES_DEFAULT = String.join(",", Dataset.MARKET_TICKS.rawSources());

    /**
     * Parquet row group size. A Pi map/reduce container has ~400-600 MB of heap; a row group is buffered
     * in memory while it is written, so 32 MB leaves plenty of room.
     */
    public static final String PARQUET_BLOCK_SIZE = "picu.clean-market.parquet.block-size";
    public static final int PARQUET_BLOCK_SIZE_DEFAULT = 32 * 1024 * 1024;

    /**
     * A tick whose (source, symbol, timestamp) one of this many previous days already published is a
     * duplicate (ticks crawled just after midnight often carry the previous day's exchange time); 0 turns
     * that off.
     */
    public static final String DEDUP_DAYS = "picu.clean-market.dedup-days";
    public static final int DEDUP_DAYS_DEFAULT = 7;

    private CleanMarketConfigKeys() {
    }
}
