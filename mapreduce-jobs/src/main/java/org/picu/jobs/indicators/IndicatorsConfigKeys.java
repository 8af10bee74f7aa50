package org.picu.jobs.indicators;

/** Configuration keys of {@code indicators}; set them with {@code -D key=value} on the command line. */
public final class IndicatorsConfigKeys {
    /**
     * Days of candles before the run's day that seed the indicators. MACD's signal needs 34 candles and
     * Wilder's RSI settles after ~100, so 10 days (240 hourly candles) give stable values from the day's
     * first hour. Days whose partition is missing are skipped.
     */
    public static final String LOOKBACK_DAYS = "picu.indicators.lookback-days";
    public static final int LOOKBACK_DAYS_DEFAULT = 10;

    /** Reduce tasks; a day's indicators are small, one reducer gives one output file. */
    public static final String REDUCES = "picu.indicators.reduces";
    public static final int REDUCES_DEFAULT = 1;

    /** Internal: first and last+1 epoch ms of the day whose rows are written, set by the job. */
    static final String DAY_START = "picu.indicators.day-start";
    static final String DAY_END = "picu.indicators.day-end";

    private IndicatorsConfigKeys() {
    }
}
