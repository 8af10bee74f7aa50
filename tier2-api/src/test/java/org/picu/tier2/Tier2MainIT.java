package org.picu.tier2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MarketTickPartitions;

/** The command line as an operator runs it, with the embedded MariaDB it starts itself. */
class Tier2MainIT {
    private static final Path DIR = Path.of("target", "tier2-main-it").toAbsolutePath();
    // Sharing target/mariadb as the embedded base dir reuses the binaries the other ITs unpacked there.
    private static final Path MARIADB = Path.of("target", "mariadb").toAbsolutePath();

    private MarketTickPartitions partitions;
    private int httpPort;

    @BeforeEach
    void setUp() throws IOException {
        deleteRecursively(DIR);
        deleteRecursively(MARIADB.resolve("data")); // a fresh database for each scenario
        Files.createDirectories(DIR);
        partitions = new MarketTickPartitions(DIR.resolve("hdfs"));
        try (ServerSocket socket = new ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
        Files.writeString(DIR.resolve("tier2.yml"), """
                database:
                  embedded:
                    enabled: true
                    base-dir: %s
                hdfs:
                  uri: file:///
                  root: %s
                http:
                  port: %d
                load:
                  batch-size: 3
                """.formatted(MARIADB, partitions.rootUri(), httpPort));
    }

    @Test
    void migrate_load_twice_then_serve_until_interrupted() throws Exception {
        partitions.publish("20261122", "run-1", MarketTickPartitions.fixture("upbit-krw-day"));
        String config = DIR.resolve("tier2.yml").toString();

        assertEquals(0, Tier2Main.run("migrate", "--config", config));
        Run first = runCapturingOut("load", "--config", config);
        assertEquals(0, first.exitCode);
        assertTrue(first.out.contains("loaded 1 partition (7 rows), skipped 0 already loaded, 0 failed"), first.out);
        Run second = runCapturingOut("load", "--config", config);
        assertEquals(0, second.exitCode);
        assertTrue(second.out.contains("loaded 0 partitions (0 rows), skipped 1 already loaded, 0 failed"), second.out);

        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exitCode.set(Tier2Main.run("serve", "--config", config)), "serve");
        serve.start();
        ApiClient client = new ApiClient("http://127.0.0.1:" + httpPort);
        awaitHealthy(client);
        assertEquals(7, ApiClient.json(client.get("/api/market/trends")).get("trends").size());
        serve.interrupt();
        serve.join(20_000);
        assertEquals(0, exitCode.get());
    }

    @Test
    void a_partition_that_fails_to_load_makes_load_exit_1() throws Exception {
        partitions.publish("20261122", "run-1",
                List.of(List.of(MarketTickPartitions.tick("BTC", 1, "2026-11-22T00:00:00Z"))), 5);
        assertEquals(1, Tier2Main.run("load", "--config", DIR.resolve("tier2.yml").toString()));
    }

    @Test
    void an_unreachable_database_makes_the_command_exit_1() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Path config = DIR.resolve("unreachable.yml");
        Files.writeString(config, """
                database:
                  url: jdbc:mariadb://127.0.0.1:%d/picu
                  user: picu
                """.formatted(deadPort));
        assertEquals(1, Tier2Main.run("migrate", "--config", config.toString()));
    }

    private record Run(int exitCode, String out) {
    }

    private static Run runCapturingOut(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = Tier2Main.run(args);
            System.out.flush();
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static void awaitHealthy(ApiClient client) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (client.get("/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not become healthy within 60 s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
