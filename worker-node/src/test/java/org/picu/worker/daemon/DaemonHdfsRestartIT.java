package org.picu.worker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spider.Spiders;
import org.picu.worker.spool.SpoolBacklog;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.HadoopFileSystems;
import org.picu.worker.upload.HdfsUploader;
import org.picu.worker.upload.HeartbeatWriter;
import org.picu.worker.upload.MiniHdfs;
import org.picu.worker.upload.UploadLoop;

/**
 * The daemon keeps crawling while the NameNode is stopped mid-run, its uploader retries with backoff, and
 * everything drains once the NameNode is back: every record reaches HDFS exactly once. Regression for the
 * original, whose hand-run upload lost or re-uploaded data around an HDFS outage.
 */
class DaemonHdfsRestartIT {
    @TempDir(factory = org.picu.worker.TargetTempDirFactory.class)
    Path work;

    private MiniDFSCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void every_record_arrives_exactly_once_across_a_name_node_restart() throws Exception {
        cluster = MiniHdfs.start("daemon-restart");
        Path spool = work.resolve("spool");
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path configFile = DaemonConfigs.write(work, spool, cluster.getURI().toString(), upbit.baseUrl(), "PT1S");
            WorkerConfig config = WorkerConfigLoader.load(configFile);
            HdfsLayout layout = new HdfsLayout(config.hdfs().layoutRoot());
            String raw = layout.root() + "/raw";
            try (FileSystem fs =
                    HadoopFileSystems.open(config.hdfs(), HadoopFileSystems.configuration(config.hdfs()))) {
                SpoolDirectory dir = new SpoolDirectory(spool);
                UploadLoop uploads = new UploadLoop(dir, new HdfsUploader(fs, layout), new HeartbeatWriter(fs, layout),
                        "w1", config.upload(), Clock.systemUTC());
                WorkerDaemon daemon = new WorkerDaemon(
                        config,
                        Map.of("upbit", Spiders.create("upbit", config).orElseThrow()),
                        Map.of("upbit", CronSchedule.parse("* * * * * *")),
                        uploads,
                        Clock.systemUTC());
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread runner = new Thread(() -> {
                    try {
                        daemon.run(null);
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
                runner.start();

                await(Duration.ofSeconds(30), () -> count(cluster, raw) >= 2, "files shipped before the outage");
                cluster.shutdownNameNode(0);
                long before = upbit.requestCount();
                await(Duration.ofSeconds(30), () -> backlog(dir) >= 3, "crawling goes on and files wait in the spool");
                assertTrue(upbit.requestCount() > before, "the crawl loop was never blocked by the outage");

                cluster.restartNameNode(0);
                cluster.waitActive();
                await(Duration.ofSeconds(60), () -> backlog(dir) == 0, "the spool drains once HDFS is back");

                daemon.stop();
                assertTrue(daemon.awaitStopped(Duration.ofSeconds(60)));
                runner.join(10_000);
                assertEquals(null, failure.get());
                assertTrue(new HdfsUploader(fs, layout).drain(dir).complete());

                FileSystem hdfs = cluster.getFileSystem();
                List<Long> inHdfs = RawTree.hdfsSeqs(hdfs, raw);
                List<Long> inSpool = RawTree.spoolSeqs(spool);
                assertEquals(inHdfs.size(), new HashSet<>(inHdfs).size(), "no record twice in HDFS");
                assertEquals(new HashSet<>(inSpool), new HashSet<>(inHdfs), "every spooled record is in HDFS");
                assertEquals(inHdfs.size() - 1, inHdfs.stream().mapToLong(Long::longValue).max().orElseThrow(),
                        "sequence numbers 0..n-1 without a gap");

                String json = new String(hdfs.open(new org.apache.hadoop.fs.Path(layout.heartbeatFile("w1")))
                        .readAllBytes(), StandardCharsets.UTF_8);
                WorkerHeartbeat heartbeat = WorkerHeartbeat.fromJson(json);
                assertEquals("w1", heartbeat.workerId());
                assertEquals(0, heartbeat.backlogFiles());
                assertTrue(heartbeat.lastSuccess().containsKey("upbit"));
                assertFalse(hdfs.exists(new org.apache.hadoop.fs.Path(layout.heartbeatDir(), ".w1.json.tmp")));
            }
        }
    }

    private static long count(MiniDFSCluster cluster, String raw) {
        try {
            return RawTree.hdfsSeqs(cluster.getFileSystem(), raw).size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static long backlog(SpoolDirectory dir) {
        try {
            return SpoolBacklog.of(dir).pendingFiles();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(100);
        }
    }
}
