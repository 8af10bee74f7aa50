package org.picu.jobs.insights;

import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;

/**
 * One insight, as written to {@code insights} ({@code insight.avsc}); its natural key is (type, symbol, windowStart).
 */
public record InsightRow(
        String type,
        String symbol,
        long windowStart,
        long windowEnd,
        String severity,
        String description,
        double value,
        double threshold,
        List<String> relatedNews) {
    public static final String SENTIMENT_SHIFT = "sentiment_shift";
    public static final String VOLUME_SPIKE = "volume_spike";
    public static final String TREND_REVERSAL = "trend_reversal";

    public InsightRow {
        relatedNews = List.copyOf(relatedNews);
    }

    /** The natural key as text. */
    public String key() {
        return type + "|" + symbol + "|" + windowStart;
    }

    public GenericRecord toAvro(long createdAt) {
        GenericRecord r = new GenericData.Record(DatasetSchemas.INSIGHT);
        r.put("type", type);
        r.put("symbol", symbol);
        r.put("window_start", windowStart);
        r.put("window_end", windowEnd);
        r.put("severity", severity);
        r.put("description", description);
        r.put("value", value);
        r.put("threshold", threshold);
        r.put("related_news", relatedNews);
        r.put("created_at", createdAt);
        return r;
    }
}
