package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.picu.tier2.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.config.ApiConfig;
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

/**
 * The API wired as {@code tier2 serve} wires it: {@code POST /api/insights/generate} runs the real loader over a
 * published partition, and {@code /api/pipeline/status} sees the partition waiting, then loaded, and the worker's
 * heartbeat — all through Tier2Service on a real MariaDB and the local file system.
 */
class InsightsGenerateIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();
    private static final String TOKEN = "generate-it-token-0123456789";

    private static Tier2Service service;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of("target", "partitions", "InsightsGenerateIT");
        MarketTickPartitions partitions = new MarketTickPartitions(root);
        Path dir = partitions.publish("20261122", "run-1", MarketTickPartitions.fixture("upbit-krw-day"));
        Instant published = Instant.now().minusSeconds(3600);
        partitions.writeManifest(
                dir,
                new PartitionManifest(
                        Dataset.MARKET_TICKS.dirName(),
                        "20261122",
                        "run-1",
                        7,
                        0,
                        0,
                        List.of("part-r-00000.parquet"),
                        List.of(),
                        published));
        Path heartbeats = root.toAbsolutePath().resolve("heartbeats");
        Files.createDirectories(heartbeats);
        Files.writeString(heartbeats.resolve("w1.json"), new WorkerHeartbeat("w1", Instant.now().minusSeconds(30),
                Instant.now().minusSeconds(60), 3, 4096, "20261122", Map.of("upbit", Instant.now())).toJson());
        Files.writeString(heartbeats.resolve("broken.json"), "{not json");

        String url = MARIADB.server().jdbcUrl(MARIADB.freshDatabaseName());
        Tier2Config config = new Tier2Config(DatabaseConfig.external(url, EmbeddedMariaDb.USER, Secret.EMPTY, 4),
                HdfsConfig.local(partitions.rootUri()), HttpConfig.loopbackAnyPort(), LoadConfig.defaults())
                .withApi(ApiConfig.defaults().withToken(new Secret(TOKEN)));
        service = Tier2Service.open(config, TestHadoop.conf());
        client = new ApiClient(service.startApi().baseUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void generate_loads_the_waiting_partition_and_the_status_follows() {
        JsonNode before = marketTicks(json(client.get("/api/pipeline/status")));
        assertEquals("run-1", before.get("last_published").get("run_id").asText());
        assertTrue(before.get("last_loaded").isNull(), before.toString());
        assertFalse(before.get("up_to_date").asBoolean());
        assertTrue(before.get("lag_seconds").asLong() >= 3600, before.toString());

        assertEquals(401, client.send("POST", "/api/insights/generate", Map.of(), null).statusCode());
        HttpResponse<String> response = client.send("POST", "/api/insights/generate",
                Map.of("Authorization", "Bearer " + TOKEN), "{\"topic\":\"btc\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("success", body.get("status").asText());
        assertTrue(body.get("load").get("loaded").asInt() >= 1, body.toString());
        assertEquals(7, body.get("load").get("rows").asLong(), body.toString());
        assertEquals(0, body.get("generated").get("volume_spike").asInt());
        assertEquals(7, json(client.get("/api/market/trends")).get("trends").size());

        JsonNode status = json(client.get("/api/pipeline/status"));
        JsonNode after = marketTicks(status);
        assertTrue(after.get("up_to_date").asBoolean(), after.toString());
        assertEquals(0, after.get("lag_seconds").asLong());
        assertEquals("run-1", after.get("last_loaded").get("run_id").asText());
        assertEquals(7, after.get("last_loaded").get("row_count").asLong());
        assertEquals("ok", status.get("hdfs").asText());
        assertEquals(1, status.get("workers").size(), "the broken heartbeat is skipped: " + status.get("workers"));
        assertEquals(3, status.get("workers").get(0).get("backlog_files").asLong());

        String metrics = client.get("/metrics").body();
        assertTrue(metrics.contains("picu_load_partitions{dataset=\"market_ticks\"} 1"), metrics);
        assertTrue(metrics.contains("picu_load_rows{dataset=\"market_ticks\"} 7"), metrics);

        JsonNode again =
                json(client.send("POST", "/api/insights/generate", Map.of("Authorization", "Bearer " + TOKEN), null));
        assertEquals(0, again.get("load").get("rows").asLong(), "loading again changes nothing: " + again);
    }

    private static JsonNode marketTicks(JsonNode status) {
        for (JsonNode dataset : status.get("datasets")) {
            if (dataset.get("dataset").asText().equals("market_ticks")) {
                return dataset;
            }
        }
        throw new AssertionError("no market_ticks in " + status);
    }
}
