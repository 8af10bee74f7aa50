package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.picu.tier2.api.SqlReader;

/**
 * The newest {@code market_trends} row of every symbol: what the dashboard summary and the alerts show, instead of
 * the original's "top rows of the whole table", which repeated a coin once per observation.
 */
public final class LatestMarket {
    // The derived table is a loose index scan of the primary key (symbol, timestamp, source) (one dive per symbol);
    // the join reads the matching rows through the same key.
    static final String SQL = "SELECT m.symbol, m.price, m.volume_24h, m.change_24h, m.`timestamp`, m.source "
            + "FROM market_trends m JOIN (SELECT symbol, MAX(`timestamp`) AS ts FROM market_trends GROUP BY symbol) l "
            + "ON m.symbol = l.symbol AND m.`timestamp` = l.ts ORDER BY m.symbol, m.source";

    private final SqlReader sql;

    public LatestMarket(SqlReader sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    /** One row per symbol, by symbol; of two sources with the same newest time the first by name wins. */
    public List<MarketTrend> perSymbol() throws SQLException {
        Map<String, MarketTrend> latest = new LinkedHashMap<>();
        for (MarketTrend trend : sql.list(SQL, row -> new MarketTrend(row.getString("symbol"), row.getDouble("price"),
                SqlReader.nullableDouble(row, "volume_24h"), SqlReader.nullableDouble(row, "change_24h"),
                SqlReader.utc(row, "timestamp").toInstant(ZoneOffset.UTC), row.getString("source")))) {
            latest.putIfAbsent(trend.symbol(), trend);
        }
        return List.copyOf(latest.values());
    }
}
