package org.picu.tier2.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.testing.MariaDbExtension;

class DatabaseMigrationsIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    @Test
    void creates_every_table_of_the_contract_in_utf8mb4_innodb_and_a_second_run_is_a_no_op() throws SQLException {
        HikariDataSource pool = MARIADB.pool(MARIADB.freshDatabaseName());
        assertEquals(4, DatabaseMigrations.migrate(pool), "V1 to V4 applied");
        assertEquals(0, DatabaseMigrations.migrate(pool));

        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = pool.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                    SELECT table_name, CONCAT(engine, ' ', table_collation) FROM information_schema.tables
                    WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'\
                    """);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getString(2));
            }
        }
        assertEquals(List.of("candles", "crypto_insights", "fear_greed_index", "load_ledger", "market_trends", "news",
                "news_sentiment", "technical_indicators"), new ArrayList<>(tables.keySet()));
        tables.forEach((table, engine) -> assertEquals("InnoDB utf8mb4_unicode_ci", engine, table));
    }

    @Test
    void unique_keys_are_the_natural_keys_of_the_contract() throws SQLException {
        HikariDataSource pool = MARIADB.freshDatabase();
        Map<String, String> expected = Map.of(
                "news", "news_key",
                "news_sentiment", "news_key",
                "fear_greed_index", "timestamp",
                "candles", "symbol,timeframe,timestamp",   // the primary key since V3
                "technical_indicators", "symbol,timeframe,timestamp",
                "crypto_insights", "insight_type,symbol,window_start",
                "market_trends", "symbol,timestamp,source"); // the primary key since V3: (source, symbol, timestamp)
        try (Connection connection = pool.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                    SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics
                    WHERE table_schema = DATABASE() AND table_name = ? AND non_unique = 0
                    GROUP BY index_name
                    HAVING index_name <> 'PRIMARY' OR ? IN ('news_sentiment', 'market_trends', 'candles')\
                    """)) {
            for (Map.Entry<String, String> table : expected.entrySet()) {
                query.setString(1, table.getKey());
                query.setString(2, table.getKey());
                List<String> keys = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                assertEquals(List.of(table.getValue()), keys, table.getKey());
            }
        }
    }

    @Test
    void news_keeps_four_byte_text_and_refuses_a_second_row_with_the_same_key() throws SQLException {
        HikariDataSource pool = MARIADB.freshDatabase();
        String insert = "INSERT INTO news (news_key, source, title, keywords, crawled_at, partition_date, load_run_id)"
                + " VALUES (REPEAT('a', 64), 'coinness', ?, '[]', '2026-01-01 00:00:00', '2026-01-01', 'r1')";
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, "비트코인 🚀 rally");
            statement.executeUpdate();
            assertThrows(SQLIntegrityConstraintViolationException.class, statement::executeUpdate);
            try (Statement query = connection.createStatement();
                    ResultSet row = query.executeQuery("SELECT title FROM news")) {
                row.next();
                assertEquals("비트코인 🚀 rally", row.getString(1));
            }
        }
    }
}
