package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the newest rows of {@code market_trends}. */
public final class MarketTrendsQuery {
    // Ties on timestamp are ordered by symbol and source so that a page is the same on every call. Each ORDER BY
    // is exactly the tail of one index, all descending (ALL: ix_market_trends_time; BY_SYMBOL: the primary key
    // (symbol, timestamp, source) since V3), so the newest rows are read backwards from it instead of sorting the
    // table (MariaDB does not drop the constant symbol from the ORDER BY by itself).
    static final String ALL = "SELECT symbol, price, volume_24h, change_24h, `timestamp`, source FROM market_trends "
            + "ORDER BY `timestamp` DESC, symbol DESC, source DESC LIMIT ?";
    static final String BY_SYMBOL =
            "SELECT symbol, price, volume_24h, change_24h, `timestamp`, source FROM market_trends "
                    + "WHERE symbol = ? ORDER BY `timestamp` DESC, source DESC LIMIT ?";

    private final DataSource dataSource;

    public MarketTrendsQuery(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** The newest {@code limit} observations, of one symbol if given, newest first. */
    public List<MarketTrend> latest(Optional<String> symbol, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(symbol.isPresent() ? BY_SYMBOL : ALL)) {
            int index = 1;
            if (symbol.isPresent()) {
                query.setString(index++, symbol.get());
            }
            query.setInt(index, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<MarketTrend> trends = new ArrayList<>();
                while (rows.next()) {
                    trends.add(read(rows));
                }
                return trends;
            }
        }
    }

    private static MarketTrend read(ResultSet rows) throws SQLException {
        return new MarketTrend(
                rows.getString("symbol"),
                rows.getDouble("price"),
                rows.getObject("volume_24h", Double.class),
                rows.getObject("change_24h", Double.class),
                // the column holds UTC wall-clock time; read it as such, not in the JVM's zone
                rows.getObject("timestamp", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rows.getString("source"));
    }
}
