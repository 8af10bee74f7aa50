package org.picu.jobs;

import java.util.List;
import org.apache.hadoop.util.ProgramDriver;
import org.picu.jobs.DatasetJob.Needs;
import org.picu.jobs.candles.CandlesConfigKeys;
import org.picu.jobs.candles.CandlesJob;
import org.picu.jobs.clean.feargreed.CleanFearGreedConfigKeys;
import org.picu.jobs.clean.feargreed.CleanFearGreedJob;
import org.picu.jobs.clean.market.CleanMarketConfigKeys;
import org.picu.jobs.clean.market.CleanMarketJob;
import org.picu.jobs.clean.news.CleanNewsConfigKeys;
import org.picu.jobs.clean.news.CleanNewsJob;
import org.picu.jobs.indicators.IndicatorsConfigKeys;
import org.picu.jobs.indicators.IndicatorsJob;
import org.picu.jobs.insights.InsightsJob;
import org.picu.jobs.sentiment.SentimentJob;
import org.picu.model.layout.Dataset;

/**
 * {@code hadoop jar mapreduce-jobs-<version>.jar <job> [generic options] <args>}: every PICU job by name.
 * Run without arguments to list them. {@link #ALL} is the one list of jobs: the jar's {@code ProgramDriver}
 * and the master's registry and catalog are built from it.
 */
public final class PicuJobs {
    /**
     * PICU's pipeline, upstream before downstream: clean-market → candles-1h → indicators; clean-news →
     * sentiment → insights (which also reads candles and indicators); clean-fear-greed. The read windows are
     * the jobs' defaults: candles of D also read D+1's ticks, indicators of D the lookback days of candles
     * before, insights of D also D-1 of everything and run when any of their inputs is there.
     */
    public static final List<DatasetJob> ALL = List.of(
            DatasetJob.fromRaw(
                    Dataset.MARKET_TICKS,
                    CleanMarketJob.NAME,
                    CleanMarketJob.class,
                    "Validate, normalise to UTC and deduplicate market ticks of one day into Parquet",
                    CleanMarketConfigKeys.SOURCES),
            DatasetJob.fromRaw(
                    Dataset.NEWS,
                    CleanNewsJob.NAME,
                    CleanNewsJob.class,
                    "Validate, normalise and deduplicate news items of one day (and against earlier days) into Parquet",
                    CleanNewsConfigKeys.SOURCES),
            DatasetJob.fromRaw(
                    Dataset.FEAR_GREED,
                    CleanFearGreedJob.NAME,
                    CleanFearGreedJob.class,
                    "Validate Fear & Greed readings of one day, re-derive their classification, deduplicate into"
                            + " Parquet",
                    CleanFearGreedConfigKeys.SOURCES),
            DatasetJob.derived(
                    Dataset.CANDLES_1H,
                    CandlesJob.NAME,
                    CandlesJob.class,
                    "Hourly OHLCV candles per symbol of one day from the cleaned market ticks (secondary sort)",
                    List.of(Dataset.MARKET_TICKS),
                    Needs.ALL,
                    0,
                    CandlesConfigKeys.READ_NEXT_DAY_DEFAULT ? 1 : 0),
            DatasetJob.derived(
                    Dataset.INDICATORS,
                    IndicatorsJob.NAME,
                    IndicatorsJob.class,
                    "RSI(14), MACD(12,26,9) and Bollinger(20,2) per symbol and hour of one day over the hourly candles",
                    List.of(Dataset.CANDLES_1H),
                    Needs.ALL,
                    IndicatorsConfigKeys.LOOKBACK_DAYS_DEFAULT,
                    0),
            DatasetJob.derived(
                    Dataset.NEWS_SENTIMENT,
                    SentimentJob.NAME,
                    SentimentJob.class,
                    "Lexicon sentiment (Korean and English) of every cleaned news item of one day",
                    List.of(Dataset.NEWS),
                    Needs.ALL,
                    0,
                    0),
            DatasetJob.derived(
                    Dataset.INSIGHTS,
                    InsightsJob.NAME,
                    InsightsJob.class,
                    "Sentiment shift, volume spike and trend reversal insights of one day, with severities",
                    List.of(Dataset.CANDLES_1H, Dataset.INDICATORS, Dataset.NEWS, Dataset.NEWS_SENTIMENT),
                    Needs.ANY,
                    InsightsJob.DAYS_BEFORE,
                    0));

    private PicuJobs() {
    }

    /** The driver with every job of {@link #ALL} registered. */
    public static ProgramDriver driver() throws Throwable {
        ProgramDriver driver = new ProgramDriver();
        for (DatasetJob job : ALL) {
            driver.addClass(job.jobName(), job.tool(), job.description());
        }
        return driver;
    }

    public static void main(String[] args) throws Throwable {
        int code = driver().run(args);
        // ProgramDriver answers -1 for a missing or unknown job name: that is a usage error.
        System.exit(code == -1 ? 2 : code);
    }
}
