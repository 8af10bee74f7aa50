package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.jsonStrings;
import static org.picu.tier2.load.AvroFields.optionalText;
import static org.picu.tier2.load.AvroFields.optionalUtc;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * Loads {@code news} partitions into {@code news}, keyed by the content signature ({@code news_key}); the numeric
 * {@code id} the API hands out stays the same when an article is loaded again.
 */
public final class NewsLoader extends TableLoader {
    public NewsLoader() {
        super(Dataset.NEWS, DatasetSchemas.NEWS, "news",
                List.of("news_key", "source", "title", "url", "content", "published_at", "keywords", "language",
                        "crawled_at"),
                List.of("news_key"));
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.text(text(record, "id"));
        row.text(text(record, "source"));
        row.text(text(record, "title"));
        row.text(optionalText(record, "url"));
        row.text(optionalText(record, "content"));
        row.time(optionalUtc(record, "published_at"));
        row.text(jsonStrings(record, "keywords"));
        row.text(optionalText(record, "language"));
        row.time(utc(record, "crawled_at"));
    }
}
