package org.picu.tier2.api.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.picu.tier2.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.config.DatabaseConfig;
import org.picu.tier2.config.HdfsConfig;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.config.LoadConfig;
import org.picu.tier2.config.Secret;
import org.picu.tier2.config.Tier2Config;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.MarketTickPartitions;
import org.picu.tier2.testing.TestHadoop;

/** /api/market/trends over more rows than any limit: the default, the cap, and that the query uses its index. */
class MarketTrendsQueryIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();
    private static final int ROWS = 1005;

    private static Tier2Service service;
    private static ApiClient client;

    @BeforeAll
    static void loadManyRows() throws Exception {
        List<GenericRecord> rows = new ArrayList<>();
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < ROWS; i++) {
            String symbol = i % 2 == 0 ? "BTC" : "ETH";
            rows.add(MarketTickPartitions.tick(symbol, 1 + i, start.plusSeconds(60L * i).toString()));
        }
        MarketTickPartitions partitions =
                new MarketTickPartitions(Path.of("target", "partitions", "MarketTrendsQueryIT"));
        partitions.publish("20261120", "run-1", rows);
        String url = MARIADB.server().jdbcUrl(MARIADB.freshDatabaseName());
        Tier2Config config = new Tier2Config(DatabaseConfig.external(url, EmbeddedMariaDb.USER, Secret.EMPTY, 2),
                HdfsConfig.local(partitions.rootUri()), HttpConfig.loopbackAnyPort(), new LoadConfig(250));
        service = Tier2Service.open(config, TestHadoop.conf());
        assertEquals(ROWS, service.load().rows());
        client = new ApiClient(service.startApi().baseUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void limit_defaults_to_10_newest_first() {
        JsonNode trends = json(client.get("/api/market/trends")).get("trends");
        assertEquals(10, trends.size());
        assertEquals(ROWS, trends.get(0).get("price").asInt());
        assertEquals(ROWS - 9, trends.get(9).get("price").asInt());
    }

    // The original accepted any limit, so one request could read the whole table.
    @Test
    void limit_is_capped_at_1000() {
        assertEquals(1000, json(client.get("/api/market/trends?limit=5000")).get("trends").size());
        assertEquals(1000, json(client.get("/api/market/trends?limit=99999999999999999999")).get("trends").size());
        assertEquals(1000, json(client.get("/api/market/trends?limit=1000")).get("trends").size());
        assertEquals(999, json(client.get("/api/market/trends?limit=999")).get("trends").size());
    }

    @Test
    void symbol_and_limit_combine() {
        JsonNode trends = json(client.get("/api/market/trends?symbol=Eth&limit=3")).get("trends");
        assertEquals(3, trends.size());
        trends.forEach(t -> assertEquals("ETH", t.get("symbol").asText()));
    }

    @Test
    void both_query_forms_read_an_index_instead_of_sorting() throws Exception {
        // Below a few thousand rows MariaDB rightly prefers scan-and-sort, so the plan is checked at a size where
        // the index matters: 20,000 minutes of 50 symbols, written directly.
        DataSource dataSource = MARIADB.freshDatabase();
        try (Connection connection = dataSource.getConnection()) {
            insertTicks(connection, 20_000);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE TABLE market_trends");
            }
            assertNoFilesort(connection, "EXPLAIN " + MarketTrendsQuery.ALL, List.of(10));
            assertNoFilesort(connection, "EXPLAIN " + MarketTrendsQuery.BY_SYMBOL, List.of("S1", 10));
        }
    }

    private static void insertTicks(Connection connection, int count) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO market_trends (source, symbol, "
                + "quote_currency, price, `timestamp`, crawled_at, partition_date, load_run_id) "
                + "VALUES ('upbit', ?, 'KRW', 1, ?, ?, '2026-01-01', 'r')")) {
            LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
            for (int i = 0; i < count; i++) {
                insert.setString(1, "S" + (i % 50));
                insert.setObject(2, start.plusMinutes(i));
                insert.setObject(3, start.plusMinutes(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void assertNoFilesort(Connection connection, String explain, List<Object> parameters)
            throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(explain)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet plan = statement.executeQuery()) {
                while (plan.next()) {
                    String extra = String.valueOf(plan.getString("Extra"));
                    assertFalse(
                            extra.contains("filesort"), explain + " -> key " + plan.getString("key") + ", " + extra);
                }
            }
        }
    }
}
