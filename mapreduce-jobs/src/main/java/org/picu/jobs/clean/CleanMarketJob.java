package org.picu.jobs.clean;

import java.time.Clock;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.util.StringUtils;
import org.apache.hadoop.util.ToolRunner;
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
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanMarketJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset dataset() {
        return Dataset.MARKET_TICKS;
    }

    @Override
    protected String[] sources(Configuration conf) {
        return StringUtils.getTrimmedStrings(conf.get(CleanMarketConfigKeys.SOURCES, CleanMarketConfigKeys.SOURCES_DEFAULT));
    }

    @Override
    protected int dedupDays(Configuration conf) {
        return conf.getInt(CleanMarketConfigKeys.DEDUP_DAYS, CleanMarketConfigKeys.DEDUP_DAYS_DEFAULT);
    }

    @Override
    protected int parquetBlockSize(Configuration conf) {
        return conf.getInt(CleanMarketConfigKeys.PARQUET_BLOCK_SIZE, CleanMarketConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT);
    }

    @Override
    protected Schema schema() {
        return DatasetSchemas.MARKET_TICK;
    }

    @Override
    protected Schema keyProjection() {
        return KEY_PROJECTION;
    }

    @Override
    protected String publishedKey(GenericRecord projected) {
        return CleanMarketTick.dedupKey(projected.get("source").toString(), projected.get("symbol").toString(),
                (Long) projected.get("timestamp"));
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Mapper> mapperClass() {
        return CleanMarketMapper.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Reducer> combinerClass() {
        return CleanMarketCombiner.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Reducer> reducerClass() {
        return CleanMarketReducer.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends RecordWritable> writableClass() {
        return CleanMarketTickWritable.class;
    }
}
