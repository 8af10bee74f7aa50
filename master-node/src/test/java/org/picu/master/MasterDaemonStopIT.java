package org.picu.master;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code picu-master daemon} as the process systemd runs, stopped with SIGTERM.
 *
 * <p>Regression (found by the system proof): the shutdown hook interrupts the daemon's thread and waits for it,
 * and that thread then called {@code System.exit}, which blocks while shutdown hooks run, so every stop took the
 * hook's whole 60 s wait.
 */
class MasterDaemonStopIT {
    @Test
    void a_daemon_stopped_with_sigterm_exits_within_seconds() throws Exception {
        Path root = Paths.get("target", "test-data", "master-daemon-stop").toAbsolutePath();
        deleteRecursively(root);
        Files.createDirectories(root);
        Path config = Files.writeString(root.resolve("master.yml"), "layout:\n  root: " + root.toUri() + "\n"
                + "orchestrator:\n  default-schedule: \"* * * * * *\"\n");
        Path log4j = Files.writeString(root.resolve("log4j.properties"), """
                log4j.rootLogger=INFO, console
                log4j.appender.console=org.apache.log4j.ConsoleAppender
                log4j.appender.console.layout=org.apache.log4j.PatternLayout
                log4j.appender.console.layout.ConversionPattern=%d %-5p %c{1}: %m%n
                """);
        Path log = root.resolve("daemon.log");
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dlog4j.configuration=" + log4j.toUri(), "-cp", System.getProperty("java.class.path"),
                "org.picu.master.MasterMain", "daemon", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("Cycle for") && System.nanoTime() < deadline && daemon.isAlive()) {
                Thread.sleep(200);
            }
            assertTrue(Files.readString(log).contains("Cycle for"), "the daemon cycles:\n" + Files.readString(log));

            daemon.destroy(); // SIGTERM

            assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "the daemon exits within 20 s of SIGTERM (it took 60 s)");
        } finally {
            daemon.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
