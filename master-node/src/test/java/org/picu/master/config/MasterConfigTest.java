package org.picu.master.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("master.yml"), yaml);
    }

    @Test
    void an_empty_file_means_standalone_defaults() throws Exception {
        MasterConfig cfg = MasterConfig.load(write(""));
        assertEquals("/", cfg.layoutRoot());
        assertTrue(cfg.hadoopConfDir().isEmpty());
        assertTrue(cfg.jobsJar().isEmpty());
    }

    @Test
    void relative_paths_resolve_against_the_config_file() throws Exception {
        Files.createDirectories(dir.resolve("hadoop"));
        Files.writeString(dir.resolve("jobs.jar"), "");
        MasterConfig cfg = MasterConfig.load(write("""
                hadoop:
                  conf-dir: hadoop
                  properties:
                    mapreduce.job.reduces: "2"
                jobs:
                  jar: jobs.jar
                """));
        assertEquals(dir.resolve("hadoop"), cfg.hadoopConfDir().orElseThrow());
        assertEquals(dir.resolve("jobs.jar"), cfg.jobsJar().orElseThrow());
        assertEquals(Map.of("mapreduce.job.reduces", "2"), cfg.hadoopProperties());
    }

    @Test
    void every_problem_is_reported_at_once() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> MasterConfig.load(write("""
                hadoop:
                  conf-dir: missing-dir
                layout:
                  root: ""
                jobs:
                  jar: missing.jar
                """)));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw package"), "says how to fix it");
    }

    @Test
    void unknown_keys_are_errors_that_list_the_known_ones() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> MasterConfig.load(write("""
                layout:
                  rot: /
                """)));
        assertTrue(e.getMessage().contains("layout.rot"), e.getMessage());
        assertTrue(e.getMessage().contains("root"), e.getMessage());
    }

    @Test
    void local_jobs_and_ledger_retention_are_read_and_checked() throws Exception {
        MasterConfig cfg = MasterConfig.load(write("""
                orchestrator:
                  local-jobs:
                    max-input-mb: 16
                    max-input-files: 50
                  ledger-retention-days: 0
                """));
        assertEquals(new OrchestratorSettings.LocalJobs(16L << 20, 50), cfg.orchestrator().localJobs());
        assertEquals(0, cfg.orchestrator().ledgerRetentionDays(), "0 keeps every record");

        ConfigException e = assertThrows(ConfigException.class, () -> MasterConfig.load(write("""
                orchestrator:
                  local-jobs:
                    max-input-mb: -1
                    max-inputs: 3
                  ledger-retention-days: 5
                """)));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("orchestrator.local-jobs.max-input-mb"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'orchestrator.local-jobs.max-inputs'"), e.getMessage());
        assertTrue(e.getMessage().contains("ledger-retention-days must be 0"), e.getMessage());
    }

    @Test
    void orchestrator_and_health_settings_have_defaults_and_are_validated_together() throws Exception {
        MasterConfig defaults = MasterConfig.load(write(""));
        assertEquals(3, defaults.orchestrator().retry().maxAttempts());
        assertEquals("* * * * *", defaults.orchestrator().scheduleOf(org.picu.model.layout.Dataset.NEWS));
        assertEquals(2, defaults.orchestrator().parallelJobs());
        assertEquals(OrchestratorSettings.LocalJobs.DEFAULT, defaults.orchestrator().localJobs());
        assertEquals(31, defaults.orchestrator().ledgerRetentionDays());

        MasterConfig cfg = MasterConfig.load(write("""
                orchestrator:
                  id: pi-master
                  schedules:
                    candles_1h: "5 * * * *"
                  retry:
                    max-attempts: 5
                health:
                  heartbeat-max-age-minutes: 10
                """));
        assertEquals("5 * * * *", cfg.orchestrator().scheduleOf(org.picu.model.layout.Dataset.CANDLES_1H));
        assertEquals(5, cfg.orchestrator().retry().maxAttempts());
        assertEquals(java.time.Duration.ofMinutes(10), cfg.health().heartbeatMaxAge());

        ConfigException e = assertThrows(ConfigException.class, () -> MasterConfig.load(write("""
                orchestrator:
                  default-schedule: "every 5 minutes"
                  schedules:
                    candles: "5 * * * *"
                  parallel-jobs: 0
                  retry:
                    max-attempts: 0
                health:
                  min-free-disk-percent: 120
                """)));
        assertEquals(5, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("parallel-jobs must be 1 to 16"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown dataset 'candles'"), e.getMessage());
        assertTrue(e.getMessage().contains("5-field cron"), e.getMessage());
    }

    @Test
    void the_metrics_endpoint_is_off_without_a_port_and_its_keys_are_checked() throws Exception {
        assertEquals(MetricsSettings.off(), MasterConfig.load(write("")).metrics());
        assertEquals(new MetricsSettings(java.util.OptionalInt.of(9102), "127.0.0.1"),
                MasterConfig.load(write("metrics: {port: 9102, bind: 127.0.0.1}\n")).metrics());
        ConfigException e = assertThrows(ConfigException.class,
                () -> MasterConfig.load(write("metrics: {port: 0, bind: 'a b'}\n")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.port must be a whole number from 1 to 65535"), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.bind 'a b'"), e.getMessage());
    }

    @Test
    void the_shipped_master_yml_serves_metrics_on_9102() throws Exception {
        Path shipped = Path.of("..", "conf", "master", "master.yml");
        // its conf-dir and jar are the Pi's paths: only the metrics section is read here
        String metrics = Files.readString(shipped).lines().dropWhile(l -> !l.startsWith("metrics:"))
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals(new MetricsSettings(java.util.OptionalInt.of(9102), "0.0.0.0"),
                MasterConfig.load(write(metrics)).metrics());
    }
}
