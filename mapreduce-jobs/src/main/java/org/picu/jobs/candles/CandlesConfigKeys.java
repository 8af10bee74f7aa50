package org.picu.jobs.candles;

/** Configuration keys of {@code candles-1h}; set them with {@code -D key=value} on the command line. */
public final class CandlesConfigKeys {
    /**
     * Also read the next day's {@code market_ticks} partition when it is published: ticks whose exchange
     * time is just before midnight but that were crawled after it land there.
     */
    public static final String READ_NEXT_DAY = "picu.candles-1h.read-next-day";
    public static final boolean READ_NEXT_DAY_DEFAULT = true;

    /** Reduce tasks; candles of a day are small, one reducer gives one output file. */
    public static final String REDUCES = "picu.candles-1h.reduces";
    public static final int REDUCES_DEFAULT = 1;

    /** Internal: first and last+1 epoch ms of the day being built, set by the job for its tasks. */
    static final String DAY_START = "picu.candles-1h.day-start";
    static final String DAY_END = "picu.candles-1h.day-end";

    private CandlesConfigKeys() {
    }
}
