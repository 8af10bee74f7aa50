package org.picu.jobs.clean.market;

import java.time.Instant;
import java.util.Comparator;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;

/**
 * A validated, normalised market tick: what the mapper hands to the reducer and the reducer writes.
 *
 * <p>Doubles that were absent in the raw record are {@code null}; times are UTC epoch milliseconds.
 */
record CleanMarketTick(
        String source,
        String symbol,
        String quoteCurrency,
        double price,
        Double prevClosingPrice,
        Double change24h,
        Double volume24h,
        Double accTradePrice24h,
        Double dayVolume,
        long timestamp,
        long crawledAt,
        String workerId,
        long seq) {

    /**
     * Which of several records with the same key is kept: the newest crawl (it carries the latest
     * 24 h figures), then the lowest worker id, then the lowest sequence number. The order is total, so
     * every run, and every grouping of records into map tasks, keeps the same record.
     */
    static final Comparator<CleanMarketTick> WINNER_FIRST = Comparator
            .comparingLong(CleanMarketTick::crawledAt).reversed()
            .thenComparing(CleanMarketTick::workerId)
            .thenComparingLong(CleanMarketTick::seq);

    /** The deduplication key: one observation per source, symbol and exchange timestamp. */
    String dedupKey() {
        return dedupKey(source, symbol, timestamp);
    }

    static String dedupKey(String source, String symbol, long timestamp) {
        return source + '|' + symbol + '|' + timestamp;
    }

    /**
     * The record as its Avro row: the row parquet-avro would write. The reducers write rows from the shuffled
     * bytes ({@link CleanMarketTickWritable.Rows}), and the tests hold those files to parquet-avro's of this row byte
     * for byte.
     */
    GenericRecord toAvro() {
        GenericRecord r = new GenericData.Record(DatasetSchemas.MARKET_TICK);
        r.put("source", source);
        r.put("symbol", symbol);
        r.put("quote_currency", quoteCurrency);
        r.put("price", price);
        r.put("prev_closing_price", prevClosingPrice);
        r.put("change_24h", change24h);
        r.put("volume_24h", volume24h);
        r.put("acc_trade_price_24h", accTradePrice24h);
        r.put("day_volume", dayVolume);
        r.put("timestamp", timestamp);
        r.put("crawled_at", crawledAt);
        r.put("worker_id", workerId);
        r.put("seq", seq);
        return r;
    }

    @Override
    public String toString() {
        return dedupKey() + " @" + Instant.ofEpochMilli(crawledAt) + " " + workerId + "#" + seq;
    }
}
