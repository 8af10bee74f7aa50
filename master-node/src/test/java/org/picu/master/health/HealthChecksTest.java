package org.picu.master.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.master.config.HealthSettings;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.WorkerHeartbeat;

class HealthChecksTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private HealthChecks checks(Configuration conf, int minFreePercent) {
        return new HealthChecks(conf, new HdfsLayout(dir.toUri().toString()),
                new HealthSettings(Duration.ofMinutes(30), minFreePercent), CLOCK);
    }

    private void heartbeat(String worker, Instant writtenAt) throws Exception {
        Files.createDirectories(dir.resolve("heartbeats"));
        Files.writeString(dir.resolve("heartbeats/" + worker + ".json"),
                new WorkerHeartbeat(worker, writtenAt, writtenAt, 2, 1024, "20261121", Map.of()).toJson());
    }

    @Test
    void without_heartbeats_the_workers_check_fails_and_says_where_it_looked() {
        CheckResult r = checks(new Configuration(), 0).heartbeats();
        assertFalse(r.ok());
        assertTrue(r.line().startsWith("FAIL heartbeats"), r.line());
        assertTrue(r.detail().contains("heartbeats"), r.detail());
    }

    @Test
    void fresh_heartbeats_pass_and_a_stale_one_is_named() throws Exception {
        heartbeat("w1", NOW.minusSeconds(60));
        assertTrue(checks(new Configuration(), 0).heartbeats().ok());
        heartbeat("w2", NOW.minus(Duration.ofMinutes(45)));
        CheckResult r = checks(new Configuration(), 0).heartbeats();
        assertFalse(r.ok());
        assertTrue(r.detail().contains("w2 (45 min old)"), r.detail());
    }

    @Test
    void local_file_system_answers_and_disk_space_is_compared_with_the_threshold() {
        assertTrue(checks(new Configuration(), 0).nameNode().ok());
        assertTrue(checks(new Configuration(), 0).disk().ok());
        CheckResult full = checks(new Configuration(), 100).disk();
        assertFalse(full.ok(), "no real disk is 100% free");
        assertTrue(full.detail().contains("below 100%"), full.detail());
    }

    @Test
    void the_resource_manager_is_checked_only_on_yarn_and_a_dead_one_fails_fast() {
        assertEquals(List.of("namenode", "heartbeats", "disk"),
                checks(new Configuration(), 0).all().stream().map(CheckResult::name).toList());
        Configuration yarn = new Configuration();
        yarn.set("mapreduce.framework.name", "yarn");
        yarn.set("yarn.resourcemanager.address", "127.0.0.1:1");
        long start = System.nanoTime();
        CheckResult rm = checks(yarn, 0).resourceManager();
        assertFalse(rm.ok());
        assertTrue(rm.detail().startsWith("127.0.0.1:1 unreachable"), rm.detail());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "reported within seconds");
    }
}
