package org.picu.jobs.insights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.indicators.IndicatorRow;

/**
 * One reduce call per symbol: two days of its candles and indicator rows (48 per source) and the news
 * mentioning it, through the three rules, deduplicated per (type, symbol, window).
 */
public class InsightsReducer extends Reducer<Text, InsightInput, Void, GenericRecord> {
    private InsightSettings settings;
    private long dayStart;
    private long dayEnd;
    private long createdAt;

    @Override
    protected void setup(Context context) {
        settings = InsightSettings.from(context.getConfiguration());
        dayStart = context.getConfiguration().getLong(InsightsConfigKeys.DAY_START, Long.MIN_VALUE);
        dayEnd = context.getConfiguration().getLong(InsightsConfigKeys.DAY_END, Long.MAX_VALUE);
        createdAt = context.getConfiguration().getLong(InsightsConfigKeys.CREATED_AT, System.currentTimeMillis());
    }

    @Override
    protected void reduce(Text symbol, Iterable<InsightInput> values, Context context)
            throws IOException, InterruptedException {
        Map<String, List<Candle>> candles = new TreeMap<>();
        Map<String, List<IndicatorRow>> indicators = new TreeMap<>();
        Map<String, Mention> mentions = new LinkedHashMap<>();
        String s = symbol.toString();
        for (InsightInput v : values) {
            switch (v.kind()) {
                case CANDLE -> candles.computeIfAbsent(v.source(), k -> new ArrayList<>()).add(v.asCandle(s));
                case INDICATOR -> indicators.computeIfAbsent(v.source(), k -> new ArrayList<>()).add(v.asIndicator(s));
                case MENTION -> mentions.putIfAbsent(v.asMention().newsId(), v.asMention());
            }
        }
        for (InsightRow row :
                evaluate(settings, s, candles, indicators, new ArrayList<>(mentions.values()), dayStart, dayEnd)) {
            context.getCounter(AnalyticsCounters.RECORDS_WRITTEN).increment(1);
            context.getCounter("PICU insights by type", row.type() + "." + row.severity()).increment(1);
            context.write(null, row.toAvro(createdAt));
        }
    }

    /** The deduplicated insights of one symbol for the day. */
    static List<InsightRow> evaluate(InsightSettings settings, String symbol, Map<String, List<Candle>> candlesBySource,
                                     Map<String, List<IndicatorRow>> indicatorsBySource, List<Mention> mentions,
                                     long dayStart, long dayEnd) {
        List<InsightRow> candidates =
                new ArrayList<>(settings.sentimentShift().evaluate(symbol, mentions, dayStart, dayEnd));
        for (List<Candle> candles : candlesBySource.values()) {
            candles.sort(Comparator.comparingLong(Candle::hourStart));
            candidates.addAll(settings.volumeSpike().evaluate(candles, dayStart, dayEnd));
        }
        for (List<IndicatorRow> rows : indicatorsBySource.values()) {
            rows.sort(Comparator.comparingLong(IndicatorRow::timestamp));
            candidates.addAll(settings.trendReversal().evaluate(rows, dayStart, dayEnd));
        }
        return InsightDeduplicator.strongest(candidates);
    }
}
