package org.picu.tier2.load;

import static org.picu.tier2.load.AvroFields.finite;
import static org.picu.tier2.load.AvroFields.jsonStrings;
import static org.picu.tier2.load.AvroFields.optionalUtc;
import static org.picu.tier2.load.AvroFields.text;
import static org.picu.tier2.load.AvroFields.utc;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/** Loads {@code news_sentiment} partitions into {@code news_sentiment}, one row per news item. */
public final class NewsSentimentLoader extends TableLoader {
    public NewsSentimentLoader() {
        super(Dataset.NEWS_SENTIMENT, DatasetSchemas.NEWS_SENTIMENT, "news_sentiment",
                List.of("news_key", "score", "label", "confidence", "matched_terms", "lexicon_version", "published_at",
                        "analyzed_at"),
                List.of("news_key"));
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        row.text(text(record, "news_id"));
        row.number(finite(record, "score"));
        row.text(text(record, "label"));
        row.number(finite(record, "confidence"));
        row.text(jsonStrings(record, "matched_terms"));
        row.text(text(record, "lexicon_version"));
        row.time(optionalUtc(record, "published_at"));
        row.time(utc(record, "analyzed_at"));
    }
}
