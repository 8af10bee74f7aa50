package org.picu.jobs.candles;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Reducer;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.derived.DerivedDatasetJob;

/**
 * One reduce call per (source, symbol, hour): the ticks arrive sorted by exchange time, and the key object
 * Hadoop hands in is updated to each value's full key while iterating, which is where the timestamp comes from.
 */
public class CandlesReducer extends Reducer<CandleKey, TickValue, Void, GenericRecord> {
    @Override
    protected void reduce(CandleKey key, Iterable<TickValue> ticks, Context context)
            throws IOException, InterruptedException {
        CandleBuilder builder = new CandleBuilder(key.source(), key.symbol(), key.hourStart());
        for (TickValue tick : ticks) {
            if (!builder.add(key.timestamp(), tick.price(), tick.dayVolume())) {
                DerivedDatasetJob.skip(context, "duplicate_tick");
            }
        }
        context.getCounter(AnalyticsCounters.RECORDS_WRITTEN).increment(1);
        context.write(null, builder.build().toAvro());
    }
}
