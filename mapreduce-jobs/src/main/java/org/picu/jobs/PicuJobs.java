package org.picu.jobs;

import org.apache.hadoop.util.ProgramDriver;
import org.picu.jobs.clean.CleanMarketJob;
import org.picu.jobs.clean.feargreed.CleanFearGreedJob;
import org.picu.jobs.clean.news.CleanNewsJob;
import org.picu.jobs.candles.CandlesJob;
import org.picu.jobs.indicators.IndicatorsJob;
import org.picu.jobs.insights.InsightsJob;
import org.picu.jobs.sentiment.SentimentJob;

/**
 * {@code hadoop jar mapreduce-jobs-<version>.jar <job> [generic options] <args>}: every PICU job by name.
 * Run without arguments to list them.
 */
public final class PicuJobs {
    private PicuJobs() {
    }

    /** The driver with every job registered; tests use it to check the list. */
    public static ProgramDriver driver() throws Throwable {
        ProgramDriver driver = new ProgramDriver();
        driver.addClass(CleanMarketJob.NAME, CleanMarketJob.class,
                "Validate, normalise to UTC and deduplicate market ticks of one day into Parquet");
        driver.addClass(CleanNewsJob.NAME, CleanNewsJob.class,
                "Validate, normalise and deduplicate news items of one day (and against earlier days) into Parquet");
        driver.addClass(CleanFearGreedJob.NAME, CleanFearGreedJob.class,
                "Validate Fear & Greed readings of one day, re-derive their classification, deduplicate into Parquet");
        driver.addClass(CandlesJob.NAME, CandlesJob.class,
                "Hourly OHLCV candles per symbol of one day from the cleaned market ticks (secondary sort)");
        driver.addClass(IndicatorsJob.NAME, IndicatorsJob.class,
                "RSI(14), MACD(12,26,9) and Bollinger(20,2) per symbol and hour of one day over the hourly candles");
        driver.addClass(SentimentJob.NAME, SentimentJob.class,
                "Lexicon sentiment (Korean and English) of every cleaned news item of one day");
        driver.addClass(InsightsJob.NAME, InsightsJob.class,
                "Sentiment shift, volume spike and trend reversal insights of one day, with severities");
        return driver;
    }

    public static void main(String[] args) throws Throwable {
        int code = driver().run(args);
        // ProgramDriver answers -1 for a missing or unknown job name: that is a usage error.
        System.exit(code == -1 ? 2 : code);
    }
}
