package org.picu.jobs.clean.market;

import java.time.Clock;
import java.util.List;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.io.CleaningJob;
import org.picu.jobs.clean.io.CleaningSpec;
import org.picu.model.layout.Dataset;

/**
 * {@code clean-market <YYYYMMDD>}: reads every raw market file of that day, validates and normalises
 * each record ({@link MarketTickRules}), keeps one record per (source, symbol, exchange timestamp)
 * (winner order in {@link MarketTickRules}) that the previous days have not published yet,
 * and publishes the result as Parquet under {@code /cleaned/market_ticks/<YYYYMMDD>/}, with rejected lines
 * and their reasons under {@code _rejects/}.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanMarketJob extends CleaningJob {
    public static final String NAME = "clean-market";

    public CleanMarketJob() {
        this(Clock.systemUTC());
    }

    CleanMarketJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.MARKET_TICKS,
                        new CleaningSpec.Keys(
                                CleanMarketConfigKeys.SOURCES,
                                CleanMarketConfigKeys.SOURCES_DEFAULT,
                                CleanMarketConfigKeys.DEDUP_DAYS,
                                CleanMarketConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanMarketConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanMarketConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        MarketTickRules.class,
                        List.of("volume_24h", "acc_trade_price_24h", "seq")));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanMarketJob(), args));
    }
}
