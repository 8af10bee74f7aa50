package org.picu.jobs.clean.market;

import java.time.Clock;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.CleaningJob;
import org.picu.jobs.clean.CleaningSpec;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * {@code clean-market <YYYYMMDD>}: reads every raw market file of that day, validates and normalises
 * each record ({@link MarketTickNormalizer}), keeps one record per (source, symbol, exchange timestamp)
 * (winner order in {@link CleanMarketTick#WINNER_FIRST}) that the previous days have not published yet,
 * and publishes the result as Parquet under {@code /cleaned/market_ticks/<YYYYMMDD>/}, with rejected lines
 * and their reasons under {@code _rejects/}.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanMarketJob extends CleaningJob<CleanMarketTick> {
    public static final String NAME = "clean-market";
    private static final Schema KEY_PROJECTION = SchemaBuilder.record(DatasetSchemas.MARKET_TICK.getName())
            .namespace(DatasetSchemas.MARKET_TICK.getNamespace()).fields()
            .requiredString("source").requiredString("symbol")
            .name("timestamp").type(DatasetSchemas.MARKET_TICK.getField("timestamp").schema()).noDefault()
            .endRecord();

    public CleanMarketJob() {
        this(Clock.systemUTC());
    }

    CleanMarketJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.MARKET_TICKS,
                        DatasetSchemas.MARKET_TICK,
                        new CleaningSpec.Keys(
                                CleanMarketConfigKeys.SOURCES,
                                CleanMarketConfigKeys.SOURCES_DEFAULT,
                                CleanMarketConfigKeys.DEDUP_DAYS,
                                CleanMarketConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanMarketConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanMarketConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        KEY_PROJECTION,
                        projected -> CleanMarketTick.dedupKey(
                                projected.get("source").toString(),
                                projected.get("symbol").toString(),
                                (Long) projected.get("timestamp")),
                        new CleaningSpec.Classes(
                                CleanMarketMapper.class,
                                CleanMarketCombiner.class,
                                CleanMarketReducer.class,
                                CleanMarketTickWritable.class,
                                CleanMarketTickWritable.Rows.class),
                        List.of("volume_24h", "acc_trade_price_24h", "seq")));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanMarketJob(), args));
    }
}
