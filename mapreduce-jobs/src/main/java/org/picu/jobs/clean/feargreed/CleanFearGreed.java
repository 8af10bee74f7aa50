package org.picu.jobs.clean.feargreed;

import java.util.Comparator;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;

/**
 * A validated Fear &amp; Greed reading (the {@code fear_greed.avsc} fields; times are UTC epoch
 * milliseconds), plus how it was read ({@code api} or {@code html}), which only breaks ties.
 */
record CleanFearGreed(String source, int value, String classification, long timestamp, long crawledAt,
        String workerId, long seq, boolean viaApi) {

    /**
     * Which of several readings of the same index time is kept: the newest crawl, then one read from the
     * JSON API over one scraped from HTML, then the lowest worker id, then the lowest sequence number.
     * The order is total, so every run and every combiner grouping keeps the same reading.
     */
    static final Comparator<CleanFearGreed> WINNER_FIRST = Comparator
            .comparingLong(CleanFearGreed::crawledAt).reversed()
            .thenComparing(CleanFearGreed::viaApi, Comparator.reverseOrder())
            .thenComparing(CleanFearGreed::workerId)
            .thenComparingLong(CleanFearGreed::seq);

    /** The natural key of {@code fear_greed}: the index's own time. */
    String dedupKey() {
        return Long.toString(timestamp);
    }

    /**
     * The record as its Avro row: the row parquet-avro would write. The reducers write rows from the shuffled
     * bytes ({@link CleanFearGreedWritable.Rows}), and the tests hold those files to parquet-avro's of this row byte
     * for byte.
     */
    GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DatasetSchemas.FEAR_GREED);
        r.put("source", source);
        r.put("value", value);
        r.put("classification", classification);
        r.put("timestamp", timestamp);
        r.put("crawled_at", crawledAt);
        r.put("worker_id", workerId);
        r.put("seq", seq);
        return r;
    }
}
