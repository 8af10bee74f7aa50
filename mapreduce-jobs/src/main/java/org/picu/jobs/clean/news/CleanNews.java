package org.picu.jobs.clean.news;

import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.Utf8Text;
import org.picu.model.avro.DatasetSchemas;

/**
 * A validated, normalised news item, as the mapper hands it to the reducer and the reducer writes it
 * (the {@code news.avsc} fields; times are UTC epoch milliseconds). Title and content are {@link Utf8Text}, so
 * that text the rules keep as it was can go from the raw line to Parquet as bytes.
 */
record CleanNews(
        String id,
        String source,
        Utf8Text titleText,
        String url,
        Utf8Text contentText,
        Long publishedAt,
        List<String> keywords,
        String language,
        long crawledAt,
        String workerId,
        long seq) {

    CleanNews {
        if (titleText == null) {
            throw new NullPointerException("title");
        }
        keywords = List.copyOf(keywords);
    }

    CleanNews(
            String id,
            String source,
            String title,
            String url,
            String content,
            Long publishedAt,
            List<String> keywords,
            String language,
            long crawledAt,
            String workerId,
            long seq) {
        this(id, source, Utf8Text.of(title), url, Utf8Text.ofNullable(content), publishedAt, keywords, language,
                crawledAt, workerId, seq);
    }

    String title() {
        return titleText.toString();
    }

    String content() {
        return contentText == null ? null : contentText.toString();
    }

    /**
     * Which of several items with the same id is kept: the newest crawl (a site may have corrected the
     * text since), then the shortest URL (the plainest spelling of the page, e.g. without tracking
     * parameters), then the lowest worker id, then the lowest sequence number. The order is total, so
     * every run, and every grouping of items into map tasks, keeps the same item.
     */
    static final Comparator<CleanNews> WINNER_FIRST = Comparator
            .comparingLong(CleanNews::crawledAt).reversed()
            .thenComparingInt((CleanNews n) -> n.url() == null ? 0 : n.url().length())
            .thenComparing(CleanNews::workerId)
            .thenComparingLong(CleanNews::seq);

    /**
     * The record as its Avro row: the row parquet-avro would write. The reducers write rows from the shuffled
     * bytes ({@link CleanNewsWritable.Rows}), and the tests hold those files to parquet-avro's of this row byte for
     * byte.
     */
    GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DatasetSchemas.NEWS);
        r.put("id", id);
        r.put("source", source);
        r.put("title", title());
        r.put("url", url);
        r.put("content", content());
        r.put("published_at", publishedAt);
        r.put("keywords", keywords);
        r.put("language", language);
        r.put("crawled_at", crawledAt);
        r.put("worker_id", workerId);
        r.put("seq", seq);
        return r;
    }
}
