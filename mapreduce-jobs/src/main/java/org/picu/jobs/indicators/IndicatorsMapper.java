package org.picu.jobs.indicators;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.derived.AnalyticsCounters;

/** Keys each candle by its series, {@code source<TAB>symbol}. */
public class IndicatorsMapper extends Mapper<Void, GenericRecord, Text, CandleWritable> {
    private final Text key = new Text();
    private final CandleWritable value = new CandleWritable();

    @Override
    protected void map(Void ignored, GenericRecord row, Context context) throws IOException, InterruptedException {
        context.getCounter(AnalyticsCounters.RECORDS_READ).increment(1);
        Candle candle = Candle.fromAvro(row);
        value.set(candle);
        key.set(candle.source() + "\t" + candle.symbol());
        context.write(key, value);
    }
}
