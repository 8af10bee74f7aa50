package org.picu.jobs.indicators;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;

/**
 * Indicator values of one symbol at the close of one candle, as written to {@code indicators} ({@code indicator.avsc}).
 */
public record IndicatorRow(
        String source,
        String symbol,
        String timeframe,
        long timestamp,
        double close,
        Double rsi14,
        Double macd,
        Double macdSignal,
        Double macdHistogram,
        Double bbUpper,
        Double bbMiddle,
        Double bbLower,
        Double volume) {

    public GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DatasetSchemas.INDICATOR);
        r.put("source", source);
        r.put("symbol", symbol);
        r.put("timeframe", timeframe);
        r.put("timestamp", timestamp);
        r.put("close", close);
        r.put("rsi_14", rsi14);
        r.put("macd", macd);
        r.put("macd_signal", macdSignal);
        r.put("macd_histogram", macdHistogram);
        r.put("bb_upper", bbUpper);
        r.put("bb_middle", bbMiddle);
        r.put("bb_lower", bbLower);
        r.put("volume", volume);
        return r;
    }

    /** Reads an {@code indicators} row. */
    public static IndicatorRow fromAvro(GenericRecord r) {
        return new IndicatorRow(r.get("source").toString(), r.get("symbol").toString(), r.get("timeframe").toString(),
                (Long) r.get("timestamp"), (Double) r.get("close"), (Double) r.get("rsi_14"), (Double) r.get("macd"),
                (Double) r.get("macd_signal"), (Double) r.get("macd_histogram"), (Double) r.get("bb_upper"),
                (Double) r.get("bb_middle"), (Double) r.get("bb_lower"), (Double) r.get("volume"));
    }
}
