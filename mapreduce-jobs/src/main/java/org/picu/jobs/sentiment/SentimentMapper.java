package org.picu.jobs.sentiment;

import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.mapreduce.Mapper;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.derived.DerivedDatasetJob;
import org.picu.model.avro.DatasetSchemas;

/** Scores each news item of the day (map-only: one news row in, one sentiment row out). */
public class SentimentMapper extends Mapper<Void, GenericRecord, Void, GenericRecord> {
    private SentimentScorer scorer;
    private long analyzedAt;

    @Override
    protected void setup(Context context) throws IOException {
        scorer = LexiconLoader.scorer(context.getConfiguration());
        analyzedAt = context.getConfiguration().getLong(SentimentConfigKeys.ANALYZED_AT, System.currentTimeMillis());
    }

    @Override
    protected void map(Void ignored, GenericRecord news, Context context) throws IOException, InterruptedException {
        context.getCounter(AnalyticsCounters.RECORDS_READ).increment(1);
        GenericRecord row = score(scorer, news, analyzedAt);
        if (row == null) {
            DerivedDatasetJob.skip(context, "no_title");
            return;
        }
        context.getCounter(AnalyticsCounters.RECORDS_WRITTEN).increment(1);
        context.getCounter("PICU sentiment labels", row.get("label").toString()).increment(1);
        context.write(null, row);
    }

    /** The {@code news_sentiment} row of a {@code news} row; null when it has no id or title to score. */
    static GenericRecord score(SentimentScorer scorer, GenericRecord news, long analyzedAt) {
        Object id = news.get("id");
        Object title = news.get("title");
        if (id == null || title == null || title.toString().isBlank()) {
            return null;
        }
        Object content = news.get("content");
        Sentiment s = scorer.score(title.toString(), content == null ? null : content.toString());
        GenericRecord r = new GenericData.Record(DatasetSchemas.NEWS_SENTIMENT);
        r.put("news_id", id.toString());
        r.put("score", s.score());
        r.put("label", s.label());
        r.put("confidence", s.confidence());
        r.put("matched_terms", List.copyOf(s.matchedTerms()));
        r.put("lexicon_version", scorer.lexicon().version());
        r.put("published_at", news.get("published_at"));
        r.put("analyzed_at", analyzedAt);
        return r;
    }
}
