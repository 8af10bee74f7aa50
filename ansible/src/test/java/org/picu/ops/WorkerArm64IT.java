package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.picu.testkit.replay.ReplayServer;

/**
 * The worker agent on the workers' CPU: Debian's arm64 JDK 17 in an arm64 root, run by
 * qemu-aarch64-static without binfmt_misc (so the JVM must spawn children with VFORK: the arm64
 * jspawnhelper cannot be exec'd), crawling the replayed Upbit API once into its spool.
 * Slow (an emulated JVM); on with -Dpicu.ops.arm64=true.
 */
@EnabledIfSystemProperty(named = "picu.ops.arm64", matches = "true")
class WorkerArm64IT {
    private static final Repo REPO = Repo.locate();
    private static final Path WORK = REPO.target().resolve("arm64");
    private static final Path ROOT = WORK.resolve("root");

    @Test
    void worker_agent_crawls_upbit_into_its_spool_on_arm64() throws Exception {
        assertTrue(Tools.isRoot(), "building the arm64 root needs root (debootstrap); or leave -Dpicu.ops.arm64 off");
        Tools.ensure(REPO, WORK, "debootstrap", "qemu-user-static");
        Path cache =
                Path.of(System.getProperty("picu.ops.cache", System.getProperty("user.home") + "/.cache/picu-ops"));
        Command.Result root = Command.of(
                        REPO.ansible.resolve("src/test/scripts/arm64-root.sh").toString(),
                        cache.toString(),
                        ROOT.toString())
                .timeout(Duration.ofMinutes(20))
                .runOk(WORK.resolve("arm64-root.log"));
        Path javaBin = ROOT.resolve("usr/lib/jvm/java-17-openjdk-arm64/bin/java");
        assertTrue(Files.isExecutable(javaBin), "no arm64 java in " + ROOT);
        assertTrue(new String(Files.readAllBytes(javaBin), 0, 4, StandardCharsets.ISO_8859_1).startsWith("\u007fELF"));

        Path jar = Files.copy(Path.of(System.getProperty("picu.worker.jar")), ROOT.resolve("worker-node-all.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path spool = ROOT.resolve("var/lib/picu/spool");
        Command.Result crawl;
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = ROOT.resolve("worker.yml");
            Files.writeString(config, String.join("\n",
                    "worker:", "  id: pi-arm64",
                    "spool:", "  dir: " + spool,
                    "hdfs:", "  uri: file://" + WORK.resolve("hdfs"),
                    "fetch:", "  host-delay: PT0.1S",
                    "sources:", "  upbit:", "    base-url: " + upbit.baseUrl(), ""));
            crawl = Command.of("qemu-aarch64-static", "-L", ROOT.toString(), javaBin.toString(),
                            "-Djdk.lang.Process.launchMechanism=VFORK", "-Xmx64m", "-XX:+UseSerialGC",
                            "-jar", jar.toString(), "crawl", "upbit", "--config", config.toString())
                    .timeout(Duration.ofMinutes(10)).runOk(WORK.resolve("crawl.log"));
        }
        assertTrue(
                crawl.output().contains("crawl upbit: 9 records written, 0 rejected, 1 file rolled"), crawl.output());

        List<JsonNode> records = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path file : files.filter(
                            p -> p.getFileName().toString().matches("upbit\\.pi-arm64\\.\\d+-\\d+\\.jsonl"))
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    records.add(json.readTree(line));
                }
            }
        }
        assertEquals(9, records.size(), "records in the spool");
        for (JsonNode r : records) {
            assertEquals("upbit", r.path("source").asText());
            assertEquals("market_tick", r.path("kind").asText());
            assertEquals("pi-arm64", r.path("worker_id").asText());
            assertTrue(r.path("payload").path("price").isNumber(), r.toString());
        }
        Files.writeString(
                WORK.resolve("timing.txt"),
                "arm64 root: " + root.took().toSeconds() + " s, crawl under qemu: "
                        + crawl.took().toMillis() + " ms\n");
    }
}
