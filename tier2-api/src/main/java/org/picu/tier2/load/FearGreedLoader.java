package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.integer;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/** Loads {@code fear_greed} partitions into {@code fear_greed_index}, keyed by the index's own time. */
public final class FearGreedLoader extends TableLoader {
    public FearGreedLoader() {
        super(Dataset.FEAR_GREED, DatasetSchemas.FEAR_GREED, "fear_greed_index",
                List.of("timestamp", "value", "classification", "source", "crawled_at"),
                List.of("timestamp"));
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.time(utc(record, "timestamp"));
        row.integer(integer(record, "value"));
        row.text(text(record, "classification"));
        row.text(text(record, "source"));
        row.time(utc(record, "crawled_at"));
    }
}
