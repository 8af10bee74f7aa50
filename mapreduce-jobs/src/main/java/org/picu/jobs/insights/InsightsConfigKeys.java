package org.picu.jobs.insights;

/** Configuration keys of {@code insights}; set them with {@code -D key=value} on the command line. */
public final class InsightsConfigKeys {
    /** {@code SYMBOL:alias|alias,...}: the symbols news is matched to, with their names in English and Korean. */
    public static final String SYMBOL_ALIASES = "picu.insights.symbol-aliases";
    public static final String SYMBOL_ALIASES_DEFAULT = "BTC:bitcoin|비트코인,ETH:ethereum|ether|이더리움,XRP:ripple|리플,"
            + "ADA:cardano|에이다,DOGE:dogecoin|도지코인,SOL:solana|솔라나";

    /** {@code normal,warning,critical} thresholds of |mean sentiment change| (score scale −1..1). */
    public static final String SENTIMENT_SHIFT_THRESHOLDS = "picu.insights.sentiment-shift.thresholds";
    public static final String SENTIMENT_SHIFT_THRESHOLDS_DEFAULT = "0.3,0.45,0.6";

    /** News items each of the two sentiment windows needs before a shift is measured. */
    public static final String SENTIMENT_SHIFT_MIN_NEWS = "picu.insights.sentiment-shift.min-news";
    public static final int SENTIMENT_SHIFT_MIN_NEWS_DEFAULT = 2;

    /** {@code normal,warning,critical} thresholds of hour volume / trailing mean hour volume. */
    public static final String VOLUME_SPIKE_THRESHOLDS = "picu.insights.volume-spike.thresholds";
    public static final String VOLUME_SPIKE_THRESHOLDS_DEFAULT = "2,3,5";

    /** Hours before a candle whose mean volume it is compared with. */
    public static final String VOLUME_SPIKE_TRAILING_HOURS = "picu.insights.volume-spike.trailing-hours";
    public static final int VOLUME_SPIKE_TRAILING_HOURS_DEFAULT = 24;

    /** Trailing hours with a volume that must exist for a comparison. */
    public static final String VOLUME_SPIKE_MIN_HOURS = "picu.insights.volume-spike.min-hours";
    public static final int VOLUME_SPIKE_MIN_HOURS_DEFAULT = 6;

    /**
     * {@code normal,warning,critical} thresholds of how far (RSI points) the RSI went beyond 30/70 before crossing
     * back.
     */
    public static final String TREND_REVERSAL_THRESHOLDS = "picu.insights.trend-reversal.thresholds";

    public static final String TREND_REVERSAL_THRESHOLDS_DEFAULT = "0,5,10";

    /** Internal, set by the job: the day, the run time, and the news_sentiment files joined to news in the mappers. */
    static final String DAY_START = "picu.insights.day-start";
    static final String DAY_END = "picu.insights.day-end";
    static final String CREATED_AT = "picu.insights.created-at";
    static final String SENTIMENT_FILES = "picu.insights.sentiment-files";

    private InsightsConfigKeys() {
    }
}
