package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.finite;
import static org.picu.tier2.load.AvroFields.jsonStrings;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/** Loads {@code insights} partitions into {@code crypto_insights}, keyed by (type, symbol, window start). */
public final class InsightsLoader extends TableLoader {
    public InsightsLoader() {
        super(Dataset.INSIGHTS, DatasetSchemas.INSIGHT, "crypto_insights",
                List.of("insight_type", "symbol", "window_start", "window_end", "severity", "description", "value",
                        "threshold", "related_news", "created_at"),
                List.of("insight_type", "symbol", "window_start"));
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.text(text(record, "type"));
        row.text(text(record, "symbol"));
        row.time(utc(record, "window_start"));
        row.time(utc(record, "window_end"));
        row.text(text(record, "severity"));
        row.text(text(record, "description"));
        row.number(finite(record, "value"));
        row.number(finite(record, "threshold"));
        row.text(jsonStrings(record, "related_news"));
        row.time(utc(record, "created_at"));
    }
}
