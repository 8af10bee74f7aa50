package org.picu.worker.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** Starts a one-DataNode MiniDFSCluster whose storage lives under {@code target/}, never in /tmp. */
public final class MiniHdfs {
    private MiniHdfs() {
    }

    /** @param name a folder name under {@code target/minidfs/} for this cluster's storage */
    public static MiniDFSCluster start(String name) throws IOException {
        Path base = Path.of("target", "minidfs", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(base);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.set("hadoop.tmp.dir", base.resolve("hadoop-tmp").toString());
        // A restarted NameNode is usable sooner: DataNodes report back within a second, no safe-mode wait.
        conf.setInt("dfs.heartbeat.interval", 1);
        conf.setInt("dfs.namenode.safemode.extension", 0);
        // closing a file retries the NameNode's block completion after 20 ms instead of 400 ms (test clusters only)
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }
}
