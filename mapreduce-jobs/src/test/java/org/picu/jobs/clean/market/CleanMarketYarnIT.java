package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.model.layout.PartitionManifest;

/**
 * clean-market submitted to a real (mini) YARN cluster over a real (mini) HDFS, with the container sizes
 * a Raspberry Pi 4 worker gets: 512 MB maps, 768 MB reduces, a 512 MB application master.
 */
class CleanMarketYarnIT {
    private static MiniDFSCluster dfs;
    private static MiniMRYarnCluster yarn;

    @BeforeAll
    static void startCluster() throws IOException {
        Configuration conf = new Configuration();
        conf.set(
                MiniDFSCluster.HDFS_MINIDFS_BASEDIR,
                Paths.get("target", "minidfs-yarn-it").toAbsolutePath().toString());
        // closing a file retries the NameNode's block completion after 20 ms instead of 400 ms (test clusters only)
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();

        Configuration yarnConf = new Configuration(dfs.getConfiguration(0));
        yarnConf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
        yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
        yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        yarnConf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 99f);
        // Without these the NodeManager waits ~10 s for log handlers and killed containers on shutdown.
        yarnConf.setInt("yarn.nodemanager.log.retain-seconds", 1);
        yarnConf.setInt("yarn.nodemanager.process-kill-wait.ms", 200);
        // Containers are handed out on NodeManager heartbeats, once a second by default.
        yarnConf.setInt("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", 200);
        yarn = new MiniMRYarnCluster("picu-clean-market-it", 1);
        yarn.init(yarnConf);
        yarn.start();
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    /**
     * clean-market on the malformed corpus, then candles-1h on its output (its secondary sort shuffles
     * through real YARN containers), with the container sizes of the Pi 4 profile in conf/. One test for
     * both jobs: each YARN job costs tens of CPU seconds on two cores.
     */
    @Test
    void clean_market_then_candles_run_in_pi_sized_containers_and_publish_to_hdfs() throws Exception {
        Configuration conf = org.picu.jobs.candles.PiContainerSizes.apply(new Configuration(yarn.getConfig()));
        assertEquals(512, conf.getInt("mapreduce.map.memory.mb", 0));
        assertEquals(768, conf.getInt("mapreduce.reduce.memory.mb", 0));
        assertEquals(512, conf.getInt("yarn.app.mapreduce.am.resource.mb", 0));
        conf.set(PublishConfigKeys.ROOT, "/");
        conf.setInt("mapreduce.client.completion.pollinterval", 200);
        conf.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 200);
        FileSystem fs = dfs.getFileSystem();
        Path rawDir = new Path("/raw/upbit/20261121");
        fs.mkdirs(rawDir);
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(
                CleanMarketYarnIT.class.getResource("/fixtures/clean-market/raw").toURI()))) {
            for (java.nio.file.Path f : files.toList()) {
                fs.copyFromLocalFile(new Path(f.toUri()), new Path(rawDir, f.getFileName().toString()));
            }
        }

        assertEquals(0, ToolRunner.run(conf, new CleanMarketJob(), new String[] {"20261121"}));

        Path ticksDir = new Path("/cleaned/market_ticks/20261121");
        assertTrue(fs.exists(new Path(ticksDir, "_SUCCESS")));
        PartitionManifest manifest = manifest(fs, ticksDir);
        assertEquals(7, manifest.recordCount());
        assertEquals(11, manifest.rejectedCount());
        assertEquals(3, manifest.duplicateCount());
        assertEquals(1, manifest.dataFiles().size());
        assertTrue(fs.exists(new Path(ticksDir, manifest.dataFiles().get(0))));

        assertEquals(0, ToolRunner.run(conf, new org.picu.jobs.candles.CandlesJob(), new String[] {"20261121"}));

        Path candlesDir = new Path("/cleaned/candles_1h/20261121");
        PartitionManifest candles = manifest(fs, candlesDir);
        java.util.List<org.apache.avro.generic.GenericRecord> ticks = org.picu.jobs.LocalHadoop.readParquet(
                conf,
                java.util.Arrays.stream(fs.listStatus(ticksDir, p -> p.getName().endsWith(".parquet")))
                        .map(f -> f.getPath())
                        .toList());
        java.util.List<org.apache.avro.generic.GenericRecord> rows = org.picu.jobs.LocalHadoop.readParquet(conf,
                candles.dataFiles().stream().map(f -> new Path(candlesDir, f)).toList());
        long hours = ticks.stream()
                .map(t -> t.get("symbol") + "@" + ((Long) t.get("timestamp") / 3_600_000))
                .distinct()
                .count();
        assertTrue(hours > 0);
        assertEquals(hours, candles.recordCount(), "one candle per symbol and hour");
        assertEquals(hours, rows.size());
        assertEquals(
                ticks.size(),
                rows.stream().mapToInt(r -> (Integer) r.get("tick_count")).sum(),
                "every tick in exactly one candle");
    }

    private static PartitionManifest manifest(FileSystem fs, Path partition) throws IOException {
        try (var in = fs.open(new Path(partition, "_manifest.json"))) {
            return PartitionManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
