package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.finite;
import static org.picu.tier2.load.AvroFields.integer;
import static org.picu.tier2.load.AvroFields.optionalFinite;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * Loads {@code candles_1h} partitions into {@code candles}, keyed by (symbol, timeframe, timestamp) as the database
 * contract says; the source is a value column, so with two sources for one symbol the one loaded last wins.
 */
public final class CandlesLoader extends TableLoader {
    public CandlesLoader() {
        super(Dataset.CANDLES_1H, DatasetSchemas.CANDLE, "candles",
                List.of("symbol", "timeframe", "timestamp", "source", "open", "high", "low", "close", "volume",
                        "tick_count"),
                List.of("symbol", "timeframe", "timestamp"));
    }

    /** The primary key is (symbol, timeframe, timestamp) since V3; nothing refers to a row by another id. */
    @Override
    boolean replacesWholeRows() {
        return true;
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.text(text(record, "symbol"));
        row.text(text(record, "timeframe"));
        row.time(utc(record, "timestamp"));
        row.text(text(record, "source"));
        row.number(finite(record, "open"));
        row.number(finite(record, "high"));
        row.number(finite(record, "low"));
        row.number(finite(record, "close"));
        row.number(optionalFinite(record, "volume"));
        row.integer(integer(record, "tick_count"));
    }
}
