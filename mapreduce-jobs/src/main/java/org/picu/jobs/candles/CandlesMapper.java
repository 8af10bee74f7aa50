package org.picu.jobs.candles;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Mapper;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.derived.DerivedDatasetJob;

/** Keys each market tick of the day by (source, symbol, hour, timestamp) for the secondary sort. */
public class CandlesMapper extends Mapper<Void, GenericRecord, CandleKey, TickValue> {
    private final CandleKey key = new CandleKey();
    private final TickValue value = new TickValue();
    private long dayStart;
    private long dayEnd;

    @Override
    protected void setup(Context context) {
        dayStart = context.getConfiguration().getLong(CandlesConfigKeys.DAY_START, Long.MIN_VALUE);
        dayEnd = context.getConfiguration().getLong(CandlesConfigKeys.DAY_END, Long.MAX_VALUE);
    }

    @Override
    protected void map(Void ignored, GenericRecord tick, Context context) throws IOException, InterruptedException {
        context.getCounter(AnalyticsCounters.RECORDS_READ).increment(1);
        String reason = keyOf(tick, dayStart, dayEnd, key, value);
        if (reason != null) {
            DerivedDatasetJob.skip(context, reason);
            return;
        }
        context.write(key, value);
    }

    /**
     * Fills {@code key} and {@code value} from a {@code market_ticks} row.
     *
     * @return null if the tick belongs to a candle of the day, else why it is skipped
     */
    static String keyOf(GenericRecord tick, long dayStart, long dayEnd, CandleKey key, TickValue value) {
        Object timestamp = tick.get("timestamp");
        Object price = tick.get("price");
        if (!(timestamp instanceof Long ts) || !(price instanceof Double p) || p.isNaN() || p < 0) {
            return "bad_tick";
        }
        if (ts < dayStart || ts >= dayEnd) {
            return "outside_day";
        }
        key.set(tick.get("source").toString(), tick.get("symbol").toString(), CandleBuilder.hourOf(ts), ts);
        value.set(p, (Double) tick.get("day_volume"));
        return null;
    }
}
