package org.picu.jobs.candles;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;

/**
 * One hourly candle, as written to {@code candles_1h} ({@code candle.avsc}).
 *
 * @param hourStart start of the hour, epoch ms UTC
 * @param volume base units traded in the hour, or null when it cannot be derived
 */
public record Candle(String source, String symbol, long hourStart, double open, double high, double low,
                     double close, Double volume, int tickCount) {
    public static final String TIMEFRAME = "1h";

    public GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DatasetSchemas.CANDLE);
        r.put("source", source);
        r.put("symbol", symbol);
        r.put("timeframe", TIMEFRAME);
        r.put("timestamp", hourStart);
        r.put("open", open);
        r.put("high", high);
        r.put("low", low);
        r.put("close", close);
        r.put("volume", volume);
        r.put("tick_count", tickCount);
        return r;
    }

    /** Reads a {@code candles_1h} row. */
    public static Candle fromAvro(GenericRecord r) {
        Object volume = r.get("volume");
        return new Candle(r.get("source").toString(), r.get("symbol").toString(), (Long) r.get("timestamp"),
                (Double) r.get("open"), (Double) r.get("high"), (Double) r.get("low"), (Double) r.get("close"),
                volume == null ? null : (Double) volume, (Integer) r.get("tick_count"));
    }
}
