package org.picu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.SourceRuns;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.testkit.replay.ReplayServer;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.worker.WorkerMain;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;

/**
 * Why a source gives nothing, from the worker to the operator on real components: the worker daemon crawls three
 * replayed sites (fear_greed answering, perplexity behind its bot-check page, upbit's API gone: 404) and uploads to a
 * MiniDFSCluster; its heartbeat on HDFS carries each source's runs, and tier-2's {@code /api/pipeline/status}, reading
 * that HDFS, shows the same last success, records, rejects by reason and failure reason as the worker's own
 * {@code status}. Reject reasons are compared as the worker recorded them, not spelled out here.
 */
class SourceStatusEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MiniDFSCluster dfs;
    private static EmbeddedMariaDb mariaDb;

    @BeforeAll
    static void startServers() throws Exception {
        Path base = Paths.get("target", "source-status").toAbsolutePath();
        deleteRecursively(base);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("minidfs").toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        mariaDb = EmbeddedMariaDb.start(base.resolve("mariadb"), 0);
        mariaDb.createDatabase("picu_status");
    }

    @AfterAll
    static void stopServers() {
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    void a_source_that_fails_or_only_rejects_shows_why_in_worker_status_and_pipeline_status() throws Exception {
        Path work = Paths.get("target", "source-status", "work").toAbsolutePath();
        URI hdfs = URI.create("hdfs://127.0.0.1:" + dfs.getNameNodePort() + "/");
        try (ReplayServer fearGreed = ReplayServer.start("fear_greed");
             ReplayServer perplexity = ReplayServer.start("perplexity");
             ReplayServer upbit = ReplayServer.start("upbit")) {
            Path spool = work.resolve("spool");
            Path config = Files.writeString(Files.createDirectories(work).resolve("worker.yml"), """
                worker: {id: w1}
                spool: {dir: %s}
                hdfs: {uri: "%s"}
                fetch: {host-delay: PT0S, host-jitter: PT0S, max-attempts: 1}
                upload: {interval: PT1S}
                schedules: {fear_greed: "*/2 * * * * *", perplexity: "*/2 * * * * *", upbit: "*/2 * * * * *"}
                assignments: {w1: [fear_greed, perplexity, upbit]}
                sources:
                  fear_greed: {api-url: "%s/fng/", page-url: "%s/crypto/fear-and-greed-index/", limit: 3}
                  perplexity: {page-url: "%s/challenge/finance/crypto"}
                  upbit: {base-url: "%s/gone"}
                """.formatted(
                    spool, hdfs, fearGreed.baseUrl(), fearGreed.baseUrl(), perplexity.baseUrl(), upbit.baseUrl()));

            assertEquals(0, WorkerMain.run("daemon", "--duration", "PT5S", "--config", config.toString()));

            // what the worker itself recorded
            CrawlLedger ledger = new CrawlLedger(spool);
            Map<String, List<CrawlRunRecord>> runs = ledger.recentRuns();
            CrawlRunRecord blocked = last(runs.get("perplexity"));
            assertEquals(0, blocked.records());
            assertNotNull(blocked.failureReason(), "a bot-check page gives nothing: " + blocked);
            assertTrue(blocked.rejects().containsKey(blocked.failureReason()), blocked.toString());
            assertEquals("http_404", last(runs.get("upbit")).failureReason());
            CrawlRunRecord fine = last(runs.get("fear_greed"));
            assertNull(fine.failureReason());
            assertTrue(fine.records() > 0, fine.toString());

            StringWriter out = new StringWriter();
            assertEquals(0, WorkerMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "status",
                    "--config", config.toString()));
            String status = out.toString();
            assertTrue(status.contains("  upbit: last success never; "), status);
            assertTrue(
                    status.matches("(?s).*\\n"
                            + "  upbit: [^\\n"
                            + "]*; last failure \\S+ http_404 \\(GET [^\\n"
                            + "]*/gone/v1/market/all.*"),
                    status);
            assertTrue(
                    status.matches("(?s).*\\n  perplexity: last success never; [^\\n]* 0 records, rejects [^\\n]*"
                            + blocked.failureReason() + "=[^\\n]*; last failure \\S+ " + blocked.failureReason()
                            + ".*"),
                    status);
            assertTrue(status.matches("(?s).*\\n  fear_greed: last success 20[^\\n]* 0 failed, .*"), status);

            // the heartbeat on HDFS, written by the daemon's last upload round
            WorkerHeartbeat heartbeat;
            try (InputStream in = dfs.getFileSystem().open(new org.apache.hadoop.fs.Path(
                    new HdfsLayout("/").heartbeatFile("w1")))) {
                heartbeat = WorkerHeartbeat.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(ledger.summaries(), heartbeat.sources(), "the heartbeat carries the ledger's summaries");
            SourceRuns perplexityRuns = heartbeat.sources().get("perplexity");
            assertEquals(perplexityRuns.runs(), perplexityRuns.failedRuns(), "every perplexity run failed");

            // tier-2 reads that heartbeat from the same HDFS
            LocalPipeline pipeline = new LocalPipeline(work.resolve("tier2"), hdfs, upbit.baseUrl());
            String tier2Yaml = pipeline.tier2Yaml("database:\n  url: " + mariaDb.jdbcUrl("picu_status") + "\n  user: "
                    + EmbeddedMariaDb.USER + "\n", 0);
            try (Tier2Service tier2 = pipeline.openTier2(tier2Yaml)) {
                ApiServer api = tier2.startApi();
                JsonNode body = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/pipeline/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertEquals("ok", body.get("hdfs").asText());
                assertEquals(1, body.get("workers").size(), body.toString());
                Map<String, JsonNode> sources = new HashMap<>();
                body.get("workers").get(0).get("sources").forEach(s -> sources.put(s.get("source").asText(), s));
                assertEquals(3, sources.size(), body.toString());

                JsonNode p = sources.get("perplexity");
                assertTrue(p.get("last_success").isNull(), p.toString());
                assertEquals("failed", p.get("last_outcome").asText());
                assertEquals(blocked.failureReason(), p.get("last_failure_reason").asText());
                assertEquals(0, p.get("records").asLong());
                assertEquals(perplexityRuns.rejects().get(blocked.failureReason()).longValue(),
                        p.get("rejects").get(blocked.failureReason()).asLong(), p.toString());

                JsonNode u = sources.get("upbit");
                assertEquals("http_404", u.get("last_failure_reason").asText());
                assertEquals(u.get("runs").asInt(), u.get("failed_runs").asInt());

                JsonNode f = sources.get("fear_greed");
                assertEquals("ok", f.get("last_outcome").asText());
                assertTrue(f.get("last_success").isTextual() && f.get("records").asLong() > 0, f.toString());
                assertTrue(f.get("last_failure_reason").isNull(), f.toString());
            }
        }
    }

    private static CrawlRunRecord last(List<CrawlRunRecord> runs) {
        assertNotNull(runs, "no run recorded");
        return runs.get(runs.size() - 1);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
