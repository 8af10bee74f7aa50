package org.picu.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_example_is_valid() throws Exception {
        Path file = dir.resolve("worker.yml");
        try (InputStream in = WorkerConfigLoader.class.getResourceAsStream("/worker-example.yml")) {
            Files.copy(in, file);
        }
        WorkerConfig config = WorkerConfigLoader.load(file);

        assertEquals("w1", config.workerId());
        assertEquals(Path.of("/var/lib/picu/spool"), config.spool().dir());
        assertEquals(16L * 1024 * 1024, config.spool().rollBytes());
        assertEquals(URI.create("hdfs://raspberry-master:9000"), config.hdfs().uri());
        assertEquals(UpbitConfig.DEFAULT_SYMBOLS, config.sources().upbit().symbols());
        assertEquals(FetchConfig.defaults(), config.fetch());
        assertEquals(UploadConfig.defaults(), config.upload());
        assertEquals(SpoolConfig.DEFAULT_MAX_BYTES, config.spool().maxBytes());
        assertEquals(List.of("upbit", "fear_greed"), config.schedule().sourcesOf("w1"));
        assertEquals("*/5 * * * *", config.schedule().cron().get("upbit"));
        assertEquals(RenderConfig.defaults(), config.render());
        assertEquals(new MetricsConfig(java.util.OptionalInt.of(9101), "0.0.0.0"), config.metrics());
    }

    @Test
    void the_metrics_endpoint_is_off_without_a_port_and_its_keys_are_checked() throws Exception {
        String base = "worker: {id: w1}\nspool: {dir: spool}\nhdfs: {uri: \"file:///tmp/x\"}\n";
        assertEquals(MetricsConfig.off(), load(base).metrics());
        assertEquals(new MetricsConfig(java.util.OptionalInt.of(9200), "0.0.0.0"),
                load(base + "metrics: {port: 9200}\n").metrics());
        assertEquals(new MetricsConfig(java.util.OptionalInt.of(9200), "127.0.0.1"),
                load(base + "metrics: {port: '9200', bind: 127.0.0.1}\n").metrics());
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(base + "metrics: {port: 70000, bind: 'a b', prot: 1}\n"));
        assertContains(e.problems(), "unknown key 'metrics.prot'");
        assertContains(e.problems(), "metrics.port 70000 must be between 1 and 65535");
        assertContains(e.problems(), "metrics.bind 'a b' must be an address");
    }

    @Test
    void daemon_keys_are_validated_and_every_problem_named() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
            worker: {id: w1}
            spool: {dir: spool, max-bytes: lots}
            hdfs: {uri: "file:///x"}
            fetch: {max-attempts: 0, run-time-limit: forever}
            upload: {backoff-min: PT1M, backoff-max: PT1S}
            schedules: {upbit: "every minute", fear_greed: "0 * * * *"}
            assignments: {w1: [fear_greed, coinness], W2: [fear_greed]}
            """));

        List<String> problems = e.problems();
        assertContains(problems, "spool.max-bytes 'lots' is not a size");
        assertContains(problems, "fetch.max-attempts 0 must be between 1 and 10");
        assertContains(problems, "fetch.run-time-limit 'forever' is not an ISO-8601 duration");
        assertContains(problems, "upload.backoff-max PT1S must not be below upload.backoff-min PT1M");
        assertContains(problems, "schedules.upbit 'every minute' is not a cron expression");
        assertContains(problems, "assignments.w1 names 'coinness', which has no entry under schedules");
        assertContains(problems, "assignments.W2: 'W2' is not a worker id");
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void only_the_required_keys_are_needed_everything_else_has_defaults() throws Exception {
        WorkerConfig config = load("""
            worker: {id: pi-3}
            spool: {dir: spool}
            hdfs: {uri: "hdfs://127.0.0.1:9000"}
            """);

        assertEquals(dir.resolve("spool"), config.spool().dir(), "relative to the config file, not the working dir");
        assertEquals(SpoolConfig.DEFAULT_ROLL_BYTES, config.spool().rollBytes());
        assertEquals(Duration.ofMinutes(1), config.spool().rollAge());
        assertEquals("/", config.hdfs().root());
        assertNull(config.hdfs().confDir());
        assertEquals(FetchConfig.defaults(), config.fetch());
        assertEquals(UpbitConfig.defaults(), config.sources().upbit());
        assertEquals("PICU-crawler/0.1 (+https://github.com/picu/picu)", config.fetch().userAgent());
    }

    @Test
    void values_are_parsed_and_normalised() throws Exception {
        Files.createDirectories(dir.resolve("hadoop-conf"));
        WorkerConfig config = load("""
            worker: {id: w2}
            spool: {dir: /data/spool, roll-bytes: 512KiB, roll-age: pt15m}
            hdfs: {uri: "file:///srv/picu", root: /picu, conf-dir: hadoop-conf}
            fetch: {user-agent: "bot/1", connect-timeout: PT2S, read-timeout: PT5S, max-body-bytes: 1048576,
                    host-delay: PT0S, host-jitter: PT0S, robots-ttl: PT1H, max-attempts: 2, backoff-base: PT1S,
                    backoff-max: PT1M, host-error-limit: 4, run-time-limit: PT5M}
            sources:
              upbit: {base-url: "http://127.0.0.1:8080/", quote: krw, symbols: [btc, eth, btc], batch-size: 2}
            """);

        assertEquals(512 * 1024, config.spool().rollBytes());
        assertEquals(Duration.ofMinutes(15), config.spool().rollAge());
        assertEquals(dir.resolve("hadoop-conf"), config.hdfs().confDir());
        assertEquals("file:///srv/picu/picu/", config.hdfs().layoutRoot());
        assertEquals(new FetchConfig("bot/1", Duration.ofSeconds(2), Duration.ofSeconds(5), 1048576, Duration.ZERO,
                Duration.ZERO, Duration.ofHours(1), 2, Duration.ofSeconds(1), Duration.ofMinutes(1), 4,
                Duration.ofMinutes(5)), config.fetch());
        assertEquals(new UpbitConfig(URI.create("http://127.0.0.1:8080/"), "KRW", List.of("BTC", "ETH"), 2),
                config.sources().upbit());
    }

    @Test
    void layout_root_joins_the_uri_and_the_root() {
        assertEquals("hdfs://master:9000/", new HdfsConfig(URI.create("hdfs://master:9000"), "/", null).layoutRoot());
        assertEquals(
                "hdfs://master:9000/picu/",
                new HdfsConfig(URI.create("hdfs://master:9000/"), "/picu", null).layoutRoot());
        assertEquals("file:///var/picu/", new HdfsConfig(URI.create("file:///var/picu"), "/", null).layoutRoot());
    }

    @Test
    void every_problem_is_reported_at_once_each_naming_its_key() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
            worker: {id: Worker_One}
            spool: {roll-bytes: lots, rol-age: PT1H}
            hdfs: {uri: "127.0.0.1:9000", root: raw, conf-dir: /no/such/dir}
            fetch: {read-timeout: 30s, host-delay: -PT1S, max-body-bytes: 0}
            sources:
              upbit: {quote: "K", symbols: ["BTC", "B T C"], batch-size: 500, base-url: "ftp://x"}
              coinbase: {}
            extra: 1
            """));

        List<String> problems = e.problems();
        assertContains(problems, "unknown key 'spool.rol-age'");
        assertContains(problems, "unknown key 'sources.coinbase'");
        assertContains(problems, "unknown key 'extra'");
        assertContains(problems, "worker.id 'Worker_One' must match");
        assertContains(problems, "spool.dir is missing");
        assertContains(problems, "spool.roll-bytes 'lots' is not a size");
        assertContains(problems, "hdfs.uri '127.0.0.1:9000'");
        assertContains(problems, "hdfs.root 'raw' must start with '/'");
        assertContains(problems, "hdfs.conf-dir '/no/such/dir' is not a directory");
        assertContains(problems, "fetch.read-timeout '30s' is not an ISO-8601 duration");
        assertContains(problems, "fetch.host-delay '-PT1S' must be zero or positive");
        assertContains(problems, "fetch.max-body-bytes '0' must be greater than zero");
        assertContains(problems, "sources.upbit.quote 'K'");
        assertContains(problems, "sources.upbit.symbols entry 'B T C'");
        assertContains(problems, "sources.upbit.batch-size 500 must be between 1 and 100");
        assertContains(problems, "sources.upbit.base-url 'ftp://x' must use one of [https, http]");
        assertEquals(16, problems.size(), String.join("\n", problems));
        assertTrue(e.getMessage().startsWith("config " + dir.resolve("worker.yml") + " has 16 problems: "));
    }

    @Test
    void an_empty_file_reports_the_required_keys() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(""));

        assertEquals(List.of("worker.id is missing", "spool.dir is missing", "hdfs.uri is missing"), e.problems());
    }

    @Test
    void a_file_that_is_not_yaml_reports_where() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("worker: {id: w1\nspool: ["));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("line "), e.problems().get(0));
    }

    @Test
    void a_section_of_the_wrong_shape_is_reported_with_its_line() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("worker: {id: w1}\nspool: 5\n"));

        assertEquals(1, e.problems().size());
        assertEquals("line 2: spool must be a section of keys (key: value lines below it)", e.problems().get(0));
    }

    @Test
    void a_duplicate_key_is_an_error() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("worker: {id: w1}\nworker: {id: w2}\n"));

        assertEquals(List.of("line 2: Duplicate field 'worker'"), e.problems());
    }

    @Test
    void the_renderers_scroll_keys_are_read_and_bounded() throws Exception {
        WorkerConfig config = load("""
            worker: {id: w1}
            spool: {dir: spool}
            hdfs: {uri: "file:///x"}
            render: {max-scrolls: 0, scroll-pause: PT0.25S}
            """);
        assertEquals(0, config.render().maxScrolls());
        assertEquals(Duration.ofMillis(250), config.render().scrollPause());

        ConfigException e = assertThrows(ConfigException.class, () -> load("""
            worker: {id: w1}
            spool: {dir: spool}
            hdfs: {uri: "file:///x"}
            render: {max-scrolls: 51, scroll-pause: -PT1S}
            """));
        assertContains(e.problems(), "render.max-scrolls 51 must be between 0 and 50");
        assertContains(e.problems(), "render.scroll-pause '-PT1S' must be zero or positive");
    }

    @Test
    void a_missing_file_says_what_to_do() {
        ConfigException e = assertThrows(ConfigException.class, () -> WorkerConfigLoader.load(dir.resolve("nope.yml")));

        assertTrue(e.getMessage().contains("does not exist; copy worker-example.yml"), e.getMessage());
    }

    private WorkerConfig load(String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("worker.yml");
        Files.writeString(file, yaml);
        return WorkerConfigLoader.load(file);
    }

    private static void assertContains(List<String> problems, String start) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(start)),
                "expected a problem containing '" + start + "' in:\n" + String.join("\n", problems));
    }
}
