package org.picu.jobs.indicators;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.derived.DerivedDatasetJob;

/**
 * One reduce call per series. It holds the series' candles of the look-back window (24 per day: 264 for
 * the default 10 days plus the run's day), which is bounded by configuration, not by data volume.
 */
public class IndicatorsReducer extends Reducer<Text, CandleWritable, Void, GenericRecord> {
    private long dayStart;
    private long dayEnd;

    @Override
    protected void setup(Context context) {
        dayStart = context.getConfiguration().getLong(IndicatorsConfigKeys.DAY_START, Long.MIN_VALUE);
        dayEnd = context.getConfiguration().getLong(IndicatorsConfigKeys.DAY_END, Long.MAX_VALUE);
    }

    @Override
    protected void reduce(Text series, Iterable<CandleWritable> values, Context context)
            throws IOException, InterruptedException {
        List<Candle> candles = new ArrayList<>();
        for (CandleWritable v : values) {
            candles.add(v.get());
        }
        List<IndicatorRow> rows = rowsOfDay(candles, dayStart, dayEnd);
        int duplicates = candles.size() - (int) candles.stream().mapToLong(Candle::hourStart).distinct().count();
        for (int i = 0; i < duplicates; i++) {
            DerivedDatasetJob.skip(context, "duplicate_candle");
        }
        for (IndicatorRow row : rows) {
            context.getCounter(AnalyticsCounters.RECORDS_WRITTEN).increment(1);
            context.write(null, row.toAvro());
        }
    }

    /**
     * The indicator rows of the day for one series: candles sorted by time (a repeated hour keeps the first,
     * which a published partition never has), every candle fed to the indicators, rows of the day kept.
     */
    static List<IndicatorRow> rowsOfDay(List<Candle> candles, long dayStart, long dayEnd) {
        List<Candle> sorted = new ArrayList<>(candles);
        sorted.sort(Comparator.comparingLong(Candle::hourStart));
        IndicatorSeries series = new IndicatorSeries();
        List<IndicatorRow> rows = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (Candle c : sorted) {
            if (c.hourStart() == previous) {
                continue;
            }
            previous = c.hourStart();
            IndicatorRow row = series.next(c);
            if (c.hourStart() >= dayStart && c.hourStart() < dayEnd) {
                rows.add(row);
            }
        }
        return rows;
    }
}
