package org.picu.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.RawFileName;

class MasterMainTest {

    @Test
    void run_date_cleans_and_publishes_a_day_in_standalone_mode() throws Exception {
        Path root = Paths.get("target", "test-data", "master-run-date").toAbsolutePath();
        deleteRecursively(root);
        Path raw = Files.createDirectories(root.resolve("raw/upbit/20261121"));
        EnvelopeCodec codec = new EnvelopeCodec();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectNode p = EnvelopeCodec.newPayload();
            p.put("symbol", i < 2 ? "BTC" : "ETH");
            p.put("quote_currency", "KRW");
            p.put("price", 100 + i);
            p.put("timestamp", "2026-11-21T03:00:0" + (i % 2) + "Z");
            lines.add(codec.toJsonLine(new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK,
                    Instant.parse("2026-11-21T03:00:05Z"), "w1", i + 1, "http://127.0.0.1/v1/ticker", p)));
        }
        Files.write(raw.resolve(new RawFileName("upbit", "w1", 1, 4).toString()), lines);
        Path config = Files.writeString(root.resolve("master.yml"), "layout:\n  root: " + root.toUri() + "\n");

        assertEquals(0, MasterMain.run("run-date", "20261121", "--config", config.toString()));

        PartitionManifest manifest = PartitionManifest.fromJson(
                Files.readString(root.resolve("cleaned/market_ticks/20261121/_manifest.json")));
        assertEquals(4, manifest.recordCount());
    }

    @Test
    void usage_errors_and_a_bad_config_exit_2() throws Exception {
        assertEquals(2, MasterMain.run("run-date", "2026-11-21", "--config", "x.yml"));
        assertEquals(2, MasterMain.run("run-date", "20261121"));
        assertEquals(2, MasterMain.run("no-such-command"));
        Path bad = Files.writeString(
                Files.createDirectories(Paths.get("target", "test-data")).resolve("bad-master.yml"),
                "layout:\n  rot: /\n");
        assertEquals(2, MasterMain.run("run-date", "20261121", "--config", bad.toString()));
        assertEquals(0, MasterMain.run("--help"));
        assertTrue(Files.exists(bad));
    }

    @Test
    void a_broken_config_prints_every_problem_and_exits_2() throws Exception {
        Path bad = Files.writeString(
                Files.createDirectories(Paths.get("target", "test-data")).resolve("broken-master.yml"), """
                layout:
                  root: /
                orchestrator:
                  id: "pi master"
                  lookback-days: 0
                  default-schedule: "every minute"
                health:
                  min-free-disk-percent: 150
                """);
        for (String command : List.of("daemon", "cycle", "status", "health")) {
            String[] err = new String[1];
            captureOut(() ->
                    err[0] = captureErr(() -> assertEquals(2, MasterMain.run(command, "--config", bad.toString()))));
            assertTrue(
                    err[0].contains("picu-master " + command + ": configuration " + bad + " has 4 problem(s)"), err[0]);
            for (String key : List.of("orchestrator.id", "orchestrator.lookback-days", "orchestrator.default-schedule",
                    "health.min-free-disk-percent")) {
                assertTrue(err[0].contains("  - " + key), key + " in " + err[0]);
            }
        }
        String missing = captureErr(() -> assertEquals(2, MasterMain.run("health", "--config", "/nonexist.yml")));
        assertTrue(missing.contains("picu-master health: configuration /nonexist.yml has 1 problem(s)"), missing);
        assertTrue(missing.contains("  - no such file"), missing);
    }

    @Test
    void every_subcommand_has_help() {
        for (String command : List.of("daemon", "cycle", "run-date", "backfill", "status", "health", "render-conf")) {
            String out = captureOut(() -> assertEquals(0, MasterMain.run(command, "--help"), command));
            assertTrue(out.contains("Usage: picu-master " + command), out);
        }
    }

    @Test
    void render_conf_writes_every_site_file_of_a_profile() throws Exception {
        Path out = Paths.get("target", "test-data", "render-conf").toAbsolutePath();
        deleteRecursively(out);
        assertEquals(0, MasterMain.run("render-conf", "--profile", "pseudo-distributed", "--out", out.toString()));
        for (String f : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml",
                "capacity-scheduler.xml", "workers", "hadoop-env.sh"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("core-site.xml")).contains("hdfs://127.0.0.1:19000"));
        assertEquals(2, MasterMain.run("render-conf", "--profile", "pi5", "--out", out.toString()));
    }

    @Test
    void render_conf_replaces_only_the_profiles_own_variables() throws Exception {
        Path out = Paths.get("target", "test-data", "render-conf-set").toAbsolutePath();
        deleteRecursively(out);
        assertEquals(0, MasterMain.run("render-conf", "--profile", "pseudo-distributed", "--out", out.toString(),
                "--set", "namenode_rpc_port=29000", "--set", "nm_heartbeat_interval_ms=200"));
        assertTrue(Files.readString(out.resolve("core-site.xml")).contains("hdfs://127.0.0.1:29000"));
        assertTrue(Files.readString(out.resolve("yarn-site.xml")).contains(
                "<name>yarn.resourcemanager.nodemanagers.heartbeat-interval-ms</name><value>200</value>"));
        // a name the profile lacks would add a setting, not replace one: refused, naming it (usage error)
        String err = captureErr(() -> assertEquals(2, MasterMain.run("render-conf", "--profile", "pseudo-distributed",
                "--out", out.toString(), "--set", "yarn.nodemanager.process-kill-wait.ms=200")));
        assertTrue(
                err.contains("'yarn.nodemanager.process-kill-wait.ms' is not a variable of profile pseudo-distributed"),
                err);
    }

    @Test
    void backfill_status_and_health_on_a_standalone_layout() throws Exception {
        Path root = Paths.get("target", "test-data", "master-commands").toAbsolutePath();
        deleteRecursively(root);
        Files.createDirectories(root);
        Path config = Files.writeString(root.resolve("master.yml"), "layout:\n  root: " + root.toUri() + "\n");
        String cfg = config.toString();

        assertEquals(2, MasterMain.run("backfill", "--from", "20261103", "--to", "20261101", "--config", cfg));
        assertEquals(2, MasterMain.run("backfill", "--from", "20261101", "--to", "20261103", "--dataset", "candles",
                "--config", cfg));
        String backfill = captureOut(() -> assertEquals(0, MasterMain.run("backfill", "--from", "20261101", "--to",
                "20261102", "--dataset", "market_ticks", "--config", cfg)));
        // The two days run at once (two parallel jobs), so either can end last: the order of the progress lines is
        // not fixed (this assertion expected 20261102 second and failed once in a clean-clone CI run).
        assertTrue(backfill.contains("] 20261101 market_ticks: waiting - no raw files"), backfill);
        assertTrue(backfill.contains("] 20261102 market_ticks: waiting - no raw files"), backfill);
        assertTrue(backfill.contains("[1/2] ") && backfill.contains("[2/2] "), backfill);

        String status = captureOut(() -> assertEquals(0, MasterMain.run("status", "--config", cfg)));
        assertTrue(status.contains("market_ticks"), status);
        assertTrue(status.contains("no heartbeat files"), status);

        String health = captureOut(() -> assertEquals(1, MasterMain.run("health", "--publish", "--config", cfg)));
        assertTrue(health.contains("OK   namenode"), health);
        assertTrue(health.contains("FAIL heartbeats"), health);
        String published = Files.readString(root.resolve("ledger/_health.json"));
        assertTrue(published.contains("\"ok\" : false"), published);
        assertTrue(published.contains("\"name\" : \"heartbeats\""), published);
    }

    private static String captureErr(Runnable body) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String captureOut(Runnable body) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
