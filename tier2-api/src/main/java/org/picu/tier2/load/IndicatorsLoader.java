package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.finite;
import static org.picu.tier2.load.AvroFields.optionalFinite;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * Loads {@code indicators} partitions into {@code technical_indicators}, keyed by (symbol, timeframe, timestamp).
 * Indicators not defined yet at a candle (too little history) stay NULL.
 */
public final class IndicatorsLoader extends TableLoader {
    // the optional fields in column order after rsi; the schema's rsi_14 is the original's column "rsi"
    private static final List<String> OPTIONAL = List.of("macd", "macd_signal", "macd_histogram", "bb_upper",
            "bb_middle", "bb_lower", "volume");

    public IndicatorsLoader() {
        super(Dataset.INDICATORS, DatasetSchemas.INDICATOR, "technical_indicators",
                List.of("symbol", "timeframe", "timestamp", "source", "close", "rsi", "macd", "macd_signal",
                        "macd_histogram", "bb_upper", "bb_middle", "bb_lower", "volume"),
                List.of("symbol", "timeframe", "timestamp"));
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.text(text(record, "symbol"));
        row.text(text(record, "timeframe"));
        row.time(utc(record, "timestamp"));
        row.text(text(record, "source"));
        row.number(finite(record, "close"));
        row.number(optionalFinite(record, "rsi_14"));
        for (String field : OPTIONAL) {
            row.number(optionalFinite(record, field));
        }
    }
}
