package org.picu.tier2.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The content of every loaded table as text, for comparing two databases. Auto-increment ids and load times are
 * left out: a rolled-back transaction consumes ids and the clock moves, neither of which is content.
 */
public final class TableSnapshots {
    /** Each table with the ORDER BY that makes its rows comparable. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("news", "news_key");
        TABLES.put("news_sentiment", "news_key");
        TABLES.put("fear_greed_index", "`timestamp`");
        TABLES.put("market_trends", "source, symbol, `timestamp`");
        TABLES.put("candles", "symbol, timeframe, `timestamp`");
        TABLES.put("technical_indicators", "symbol, timeframe, `timestamp`");
        TABLES.put("crypto_insights", "insight_type, symbol, window_start");
        TABLES.put("load_ledger", "dataset, partition_date, run_id");
    }

    private TableSnapshots() {
    }

    /** table name -> its rows, each row as "column=value|..." without id and loaded_at. */
    public static Map<String, List<String>> of(DataSource dataSource) throws SQLException {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                // table and column names are the constants above, never input
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY "
                        + table.getValue())) {
                    snapshot.put(table.getKey(), rows(rows));
                }
            }
        }
        return snapshot;
    }

    /** Rows per table. */
    public static Map<String, Integer> counts(Map<String, List<String>> snapshot) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        snapshot.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    private static List<String> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> result = new ArrayList<>();
        while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                if (column.equals("id") || column.equals("loaded_at")) {
                    continue;
                }
                row.append(column).append('=').append(rows.getString(i)).append('|');
            }
            result.add(row.toString());
        }
        return result;
    }
}
