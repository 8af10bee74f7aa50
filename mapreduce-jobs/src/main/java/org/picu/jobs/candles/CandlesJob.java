package org.picu.jobs.candles;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.derived.DerivedDatasetJob;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

/**
 * {@code candles-1h <YYYYMMDD>}: hourly OHLCV per (source, symbol) from {@code /cleaned/market_ticks/<day>/}
 * (and the next day's partition when published, for ticks crawled after midnight), published to
 * {@code /cleaned/candles_1h/<day>/}. Only hours of that day are built.
 *
 * <p>Secondary sort: the map output key is (source, symbol, hour, exchange timestamp); the partitioner and
 * grouping comparator use (source, symbol, hour) only, so the shuffle delivers each candle's ticks in time
 * order and the reducer keeps one candle in memory, never a symbol's day. See {@link CandleBuilder} for the
 * OHLCV rules.
 */
public class CandlesJob extends DerivedDatasetJob {
    public static final String NAME = "candles-1h";

    public CandlesJob() {
        this(Clock.systemUTC());
    }

    CandlesJob(Clock clock) {
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CandlesJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset output() {
        return Dataset.CANDLES_1H;
    }

    @Override
    protected Schema outputSchema() {
        return DatasetSchemas.CANDLE;
    }

    @Override
    protected List<String> validate(Configuration conf) {
        try {
            return conf.getInt(CandlesConfigKeys.REDUCES, CandlesConfigKeys.REDUCES_DEFAULT) < 1
                    ? List.of(CandlesConfigKeys.REDUCES + " must be at least 1") : List.of();
        } catch (NumberFormatException e) {
            return List.of(CandlesConfigKeys.REDUCES + " must be a whole number: " + e.getMessage());
        }
    }

    @Override
    protected List<Path> inputs(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        List<Path> inputs = new ArrayList<>(publishedFiles(fs, layout, Dataset.MARKET_TICKS, date));
        if (!inputs.isEmpty()
                && getConf().getBoolean(CandlesConfigKeys.READ_NEXT_DAY, CandlesConfigKeys.READ_NEXT_DAY_DEFAULT)) {
            inputs.addAll(publishedFiles(fs, layout, Dataset.MARKET_TICKS, new PartitionDate(date.day().plusDays(1))));
        }
        return inputs;
    }

    @Override
    protected void configureTasks(Job job, PartitionDate date) {
        Configuration conf = job.getConfiguration();
        conf.setLong(CandlesConfigKeys.DAY_START, date.start().toEpochMilli());
        conf.setLong(CandlesConfigKeys.DAY_END, date.end().toEpochMilli());
        job.setMapperClass(CandlesMapper.class);
        job.setMapOutputKeyClass(CandleKey.class);
        job.setMapOutputValueClass(TickValue.class);
        job.setPartitionerClass(CandlePartitioner.class);
        job.setGroupingComparatorClass(CandleGroupingComparator.class);
        job.setReducerClass(CandlesReducer.class);
        job.setNumReduceTasks(conf.getInt(CandlesConfigKeys.REDUCES, CandlesConfigKeys.REDUCES_DEFAULT));
    }
}
