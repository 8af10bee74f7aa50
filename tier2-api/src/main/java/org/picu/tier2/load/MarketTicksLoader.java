package org.picu.tier2.load;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * Loads {@code market_ticks} partitions into {@code market_trends}, keyed by (source, symbol, timestamp).
 * When two partitions hold the same key, the one loaded last wins.
 */
public final class MarketTicksLoader extends TableLoader {
    public MarketTicksLoader() {
        super(Dataset.MARKET_TICKS, DatasetSchemas.MARKET_TICK, "market_trends",
                List.of("source", "symbol", "timestamp", "quote_currency", "price", "prev_closing_price", "change_24h",
                        "volume_24h", "acc_trade_price_24h", "crawled_at"),
                List.of("source", "symbol", "timestamp"));
    }

    /** The primary key is (symbol, timestamp, source) since V3; nothing refers to a row by another id. */
    @Override
    boolean replacesWholeRows() {
        return true;
    }

    @Override
    void write(TsvRow row, GenericRecord record) {
        MarketTick tick = MarketTick.fromAvro(record);
        row.text(tick.source());
        row.text(tick.symbol());
        // DATETIME has no zone: write the UTC wall-clock time explicitly instead of trusting any default zone
        row.time(LocalDateTime.ofInstant(tick.timestamp(), ZoneOffset.UTC));
        row.text(tick.quoteCurrency());
        row.number(tick.price());
        row.number(tick.prevClosingPrice());
        row.number(tick.change24h());
        row.number(tick.volume24h());
        row.number(tick.accTradePrice24h());
        row.time(LocalDateTime.ofInstant(tick.crawledAt(), ZoneOffset.UTC));
    }
}
