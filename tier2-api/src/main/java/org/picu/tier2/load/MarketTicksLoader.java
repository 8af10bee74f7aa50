package org.picu.tier2.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * Loads {@code market_ticks} partitions into {@code market_trends}, keyed by (source, symbol, timestamp).
 * When two partitions hold the same key, the one loaded last wins.
 */
public final class MarketTicksLoader implements DatasetLoader {
    static final String UPSERT = """
            INSERT INTO market_trends (source, symbol, quote_currency, price, prev_closing_price, change_24h,
                volume_24h, acc_trade_price_24h, `timestamp`, crawled_at, partition_date, load_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
                quote_currency = VALUES(quote_currency), price = VALUES(price),
                prev_closing_price = VALUES(prev_closing_price), change_24h = VALUES(change_24h),
                volume_24h = VALUES(volume_24h), acc_trade_price_24h = VALUES(acc_trade_price_24h),
                crawled_at = VALUES(crawled_at), partition_date = VALUES(partition_date),
                load_run_id = VALUES(load_run_id)
            """;
    // A re-run replaces its partition: rows the previous run had and this one dropped must go too.
    static final String DELETE_SUPERSEDED = "DELETE FROM market_trends WHERE partition_date = ? AND load_run_id <> ?";

    @Override
    public Dataset dataset() {
        return Dataset.MARKET_TICKS;
    }

    @Override
    public long load(Connection connection, PartitionData data, int batchSize) throws IOException, SQLException {
        long rows;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            JdbcBatch batch = new JdbcBatch(upsert, batchSize);
            data.read(DatasetSchemas.MARKET_TICK, record -> {
                bind(upsert, MarketTick.fromAvro(record), data);
                batch.add();
            });
            rows = batch.finish();
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SUPERSEDED)) {
            delete.setObject(1, data.date().day());
            delete.setString(2, data.runId());
            delete.executeUpdate();
        }
        return rows;
    }

    private static void bind(PreparedStatement statement, MarketTick tick, PartitionData data) throws SQLException {
        statement.setString(1, tick.source());
        statement.setString(2, tick.symbol());
        statement.setString(3, tick.quoteCurrency());
        statement.setDouble(4, tick.price());
        setNullable(statement, 5, tick.prevClosingPrice());
        setNullable(statement, 6, tick.change24h());
        setNullable(statement, 7, tick.volume24h());
        setNullable(statement, 8, tick.accTradePrice24h());
        // DATETIME has no zone: write the UTC wall-clock time explicitly instead of trusting any default zone
        statement.setObject(9, LocalDateTime.ofInstant(tick.timestamp(), ZoneOffset.UTC));
        statement.setObject(10, LocalDateTime.ofInstant(tick.crawledAt(), ZoneOffset.UTC));
        statement.setObject(11, data.date().day());
        statement.setString(12, data.runId());
    }

    private static void setNullable(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
